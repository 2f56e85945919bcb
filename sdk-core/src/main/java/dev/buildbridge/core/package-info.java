/** The SDK's root exception, {@link dev.buildbridge.core.BuildBridgeException}. */
package dev.buildbridge.core;
