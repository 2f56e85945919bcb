package dev.buildbridge.kcidb.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildbridge.kcidb.KcidbException;
import dev.buildbridge.kcidb.KcidbException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link OutboxStore} in a local directory: one file per entry, written so that a crash at any
 * moment leaves every appended entry intact and no half-written one.
 *
 * <pre>{@code
 * try (KcidbOutbox outbox = KcidbOutbox.newBuilder()
 *         .store(FileOutboxStore.open(Path.of("/var/lib/bridge/kcidb-outbox")))
 *         .client(kcidb)
 *         .build()) {
 *     outbox.start();
 *     outbox.submit(document);
 * }
 * }</pre>
 *
 * <p><b>How an entry is written.</b> {@link #append} writes a header line (id, creation time,
 * length, SHA-256) and the document to {@code <sequence>-<id>.entry.tmp}, forces it to disk,
 * renames it to {@code <sequence>-<id>.entry} (atomic) and forces the directory. Only then does it
 * return. A crash before the rename leaves a {@code .tmp} file, which {@link #open} deletes: that
 * append never returned, so nothing acknowledged is lost. Sequence numbers (16 digits, so names
 * sort in order) continue from the highest entry found at {@link #open}.
 *
 * <p><b>Bookkeeping.</b> Attempts, the last error and the parked flag go to
 * {@code <sequence>-<id>.state}, replaced the same way; a lost or damaged state file only resets
 * the counters. A delivered entry's files are deleted.
 *
 * <p><b>Damage.</b> An entry whose header, length or checksum is wrong (a disk or a hand that
 * changed it) is moved to {@code quarantine/} with a {@code .reason} file beside it and a WARNING
 * on {@code System.Logger} {@code dev.buildbridge.kcidb.submit.FileOutboxStore}; it is never
 * deleted. See {@link #quarantined()}.
 *
 * <p><b>One process at a time.</b> {@link #open} takes an exclusive lock on {@code outbox.lock}
 * (released by the operating system when the process dies) and fails with {@code OUTBOX_IO} when
 * another process, or another store in this process, has the directory. Several instances that
 * should share one queue need a shared {@link OutboxStore} (a database) instead. File locks are not
 * reliable on every network file system: use a local disk.
 *
 * <p>Thread-safe.
 */
public final class FileOutboxStore implements OutboxStore {
  private static final System.Logger LOG = System.getLogger(FileOutboxStore.class.getName());

  /** The lock file's name. */
  public static final String LOCK_FILE = "outbox.lock";
  /** The sub-directory damaged entries are moved to. */
  public static final String QUARANTINE_DIRECTORY = "quarantine";

  static final String ENTRY = ".entry";
  static final String STATE = ".state";
  static final String TMP = ".tmp";
  static final String REASON = ".reason";
  static final String MAGIC = "KCIDB-OUTBOX";
  static final String FORMAT = "1";
  static final int MAX_HEADER = 512;
  private static final int SEQUENCE_DIGITS = 16;

  private final Path directory;
  private final Path quarantine;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean syncDirectory = true;
  private final TreeMap<Long, OutboxEntry> queue = new TreeMap<>();
  private final Map<EntryId, Long> sequences = new HashMap<>();
  private long nextSequence = 1;
  private boolean closed;

  private FileOutboxStore(Path directory, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.quarantine = directory.resolve(QUARANTINE_DIRECTORY);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating it if needed) an outbox directory: takes its lock, deletes unfinished writes
   * left by a crash, quarantines damaged entries and loads the pending ones.
   *
   * @param directory the directory, used by this store alone
   * @return the open store; close it (or the outbox it is given to) to release the lock
   * @throws NullPointerException if the argument is null
   * @throws KcidbException {@code OUTBOX_IO} if the directory cannot be created or read, or is in
   *     use by another process or another open store
   */
  public static FileOutboxStore open(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw io("cannot create the outbox directory " + dir, e);
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw io("cannot open the outbox lock " + lockFile, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw io("the outbox directory " + dir + " is already open in this process", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw io("cannot lock the outbox directory " + lockFile, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw io("the outbox directory " + dir + " is in use by another process (it holds "
          + lockFile + ")", null);
    }
    FileOutboxStore store = new FileOutboxStore(dir, channel, lock);
    try {
      store.recover();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /**
   * Returns the directory.
   *
   * @return the absolute path
   */
  public Path directory() {
    return directory;
  }

  /**
   * Lists the entries moved to quarantine (now and in earlier runs), each with a {@code .reason}
   * file beside it. Inspect them, then delete them or move them back with a new name.
   *
   * @return the quarantined entry files, by name
   * @throws KcidbException {@code OUTBOX_IO} if the quarantine directory cannot be read
   */
  public List<Path> quarantined() {
    if (!Files.isDirectory(quarantine)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(quarantine)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (!name.endsWith(REASON) && !name.endsWith(STATE)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw io("cannot read the quarantine directory " + quarantine, e);
    }
    out.sort(null);
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- OutboxStore

  @Override
  public synchronized OutboxEntry append(EntryId id, Instant created, byte[] document) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(document, "document");
    ensureOpen();
    if (document.length == 0) {
      throw new IllegalArgumentException("document is empty");
    }
    if (sequences.containsKey(id)) {
      throw new IllegalArgumentException("entry " + id + " is already in the outbox");
    }
    long sequence = nextSequence++;
    String base = baseName(sequence, id);
    byte[] header = header(id, created, document).getBytes(StandardCharsets.US_ASCII);
    writeDurably(directory.resolve(base + ENTRY), header, document);
    OutboxEntry entry = OutboxEntry.of(id, sequence, created, document.length);
    queue.put(sequence, entry);
    sequences.put(id, sequence);
    return entry;
  }

  @Override
  public synchronized List<OutboxEntry> entries() {
    ensureOpen();
    return List.copyOf(queue.values());
  }

  @Override
  public synchronized byte[] document(EntryId id) {
    Objects.requireNonNull(id, "id");
    ensureOpen();
    long sequence = requirePending(id);
    Path file = directory.resolve(baseName(sequence, id) + ENTRY);
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      forget(id, sequence);
      LOG.log(Level.WARNING, "outbox entry " + file + " disappeared (deleted by hand?); it is no"
          + " longer pending");
      throw io("outbox entry " + file + " disappeared; it is no longer pending", e);
    } catch (IOException e) {
      throw io("cannot read outbox entry " + file, e);
    }
    String problem;
    Header header = null;
    try {
      header = Header.parse(all, all.length, id);
      problem = header.check(all.length);
      if (problem == null && !header.sha256.equals(sha256(all, header.length, all.length))) {
        problem = "the document's SHA-256 differs from the one in its header";
      }
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      forget(id, sequence);
      Path moved = quarantine(file, problem);
      throw io("outbox entry " + file + " is damaged (" + problem + "); it was moved to " + moved,
          null);
    }
    return Arrays.copyOfRange(all, header.length, all.length);
  }

  @Override
  public synchronized void update(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry");
    ensureOpen();
    long sequence = requirePending(entry.id());
    OutboxEntry stored = queue.get(sequence);
    if (entry.sequence() != stored.sequence() || !entry.created().equals(stored.created())
        || entry.bytes() != stored.bytes()) {
      throw new IllegalArgumentException("entry " + entry.id() + " does not match the stored one"
          + " (sequence, created and bytes cannot change)");
    }
    ObjectNode state = Json.MAPPER.createObjectNode();
    state.put("attempts", entry.attempts());
    entry.lastAttempt().ifPresent(t -> state.put("lastAttempt", t.toString()));
    entry.lastReason().ifPresent(r -> state.put("lastReason", r.name()));
    entry.lastError().ifPresent(m -> state.put("lastError", m));
    state.put("parked", entry.parked());
    writeDurably(directory.resolve(baseName(sequence, entry.id()) + STATE),
        Json.write(state, "state"));
    queue.put(sequence, entry);
  }

  @Override
  public synchronized void markDelivered(EntryId id, List<String> submissionIds) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submissionIds, "submissionIds");
    ensureOpen();
    Long sequence = sequences.get(id);
    if (sequence == null) {
      return;
    }
    String base = baseName(sequence, id);
    Path file = directory.resolve(base + ENTRY);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw io("cannot remove delivered outbox entry " + file + " (KCIDB submission "
          + String.join(",", submissionIds) + "); it will be sent again", e);
    }
    forget(id, sequence);
    deleteQuietly(directory.resolve(base + STATE)); // an orphan is removed at the next open
    try {
      syncDirectory();
    } catch (IOException e) {
      // Not durable yet: after a power loss the entry may come back and be sent again, which KCIDB
      // merges. Nothing is lost.
      LOG.log(Level.DEBUG, "cannot sync " + directory + ": " + e);
    }
    LOG.log(Level.DEBUG, () -> "outbox entry " + id + " delivered as KCIDB submission "
        + String.join(",", submissionIds));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw io("cannot release the outbox lock in " + directory, e);
    }
  }

  /**
   * Shows the directory and how many entries are pending.
   *
   * @return for example {@code FileOutboxStore[/var/lib/kcidb-outbox, 3 pending]}
   */
  @Override
  public synchronized String toString() {
    return "FileOutboxStore[" + directory + ", " + (closed ? "closed" : queue.size() + " pending")
        + "]";
  }

  // ---------------------------------------------------------------- recovery

  private void recover() {
    try {
      FileChannel probe = FileChannel.open(directory, StandardOpenOption.READ);
      try (probe) {
        probe.force(true);
      }
    } catch (IOException e) {
      syncDirectory = false; // Windows cannot open a directory; NTFS orders renames itself
      LOG.log(Level.DEBUG, "directory sync is not supported here: " + e);
    }
    List<Path> entries = new ArrayList<>();
    Map<String, Path> states = new HashMap<>();
    int unfinished = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p)) {
          continue;
        }
        if (name.endsWith(TMP)) {
          Files.deleteIfExists(p);
          unfinished++;
        } else if (name.endsWith(ENTRY)) {
          entries.add(p);
        } else if (name.endsWith(STATE)) {
          states.put(name.substring(0, name.length() - STATE.length()), p);
        }
      }
    } catch (IOException e) {
      throw io("cannot read the outbox directory " + directory, e);
    }
    if (unfinished > 0) {
      LOG.log(Level.INFO, "removed " + unfinished + " unfinished write(s) left in " + directory
          + " by an earlier crash (never acknowledged)");
    }
    entries.sort(null);
    long highest = 0;
    for (Path file : entries) {
      String name = file.getFileName().toString();
      String base = name.substring(0, name.length() - ENTRY.length());
      long sequence = parseSequence(base);
      EntryId id = parseId(base);
      highest = Math.max(highest, sequence);
      if (sequence < 0 || id == null) {
        quarantine(file, "the file name is not <16-digit sequence>-<entry id>" + ENTRY);
        continue;
      }
      String problem;
      Header header = null;
      try {
        header = readHeader(file, id);
        problem = header.check(Files.size(file));
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      } catch (IOException e) {
        throw io("cannot read outbox entry " + file, e);
      }
      if (problem == null && sequences.containsKey(id)) {
        problem = "entry id " + id + " is also in " + baseName(sequences.get(id), id) + ENTRY;
      }
      if (problem != null) {
        quarantine(file, problem);
        continue;
      }
      OutboxEntry entry = OutboxEntry.of(id, sequence, header.created, header.bytes);
      Path state = states.remove(base);
      if (state != null) {
        entry = readState(state, entry);
      }
      queue.put(sequence, entry);
      sequences.put(id, sequence);
    }
    for (Path orphan : states.values()) {
      deleteQuietly(orphan); // its entry was delivered (or quarantined) just before a crash
    }
    nextSequence = highest + 1;
  }

  private static OutboxEntry readState(Path file, OutboxEntry entry) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode state = Json.MAPPER.readTree(bytes);
      if (state == null || !state.isObject()) {
        throw new IOException("not a JSON object");
      }
      int attempts = state.path("attempts").asInt(0);
      Optional<Instant> lastAttempt = state.hasNonNull("lastAttempt")
          ? Optional.of(Instant.parse(state.get("lastAttempt").asText())) : Optional.empty();
      Optional<Reason> lastReason = state.hasNonNull("lastReason")
          ? Optional.of(Reason.valueOf(state.get("lastReason").asText())) : Optional.empty();
      Optional<String> lastError = state.hasNonNull("lastError")
          ? Optional.of(state.get("lastError").asText()) : Optional.empty();
      return new OutboxEntry(entry.id(), entry.sequence(), entry.created(), entry.bytes(),
          Math.max(0, attempts), lastAttempt, lastReason, lastError,
          state.path("parked").asBoolean(false));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "outbox state " + file + " cannot be read (" + e.getMessage()
          + "); its entry is kept with its attempts reset");
      return entry;
    }
  }

  // ---------------------------------------------------------------- files

  private void writeDurably(Path target, byte[]... chunks) {
    Path tmp = target.resolveSibling(target.getFileName() + TMP);
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        for (byte[] chunk : chunks) {
          ByteBuffer buffer = ByteBuffer.wrap(chunk);
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
        }
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw io("cannot write " + target + durably(e), e);
    }
  }

  private static String durably(IOException e) {
    String message = e.getMessage();
    return message == null ? " (" + e.getClass().getSimpleName() + ")" : ": " + message;
  }

  private void syncDirectory() throws IOException {
    if (syncDirectory) {
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
    }
  }

  private Path quarantine(Path file, String reason) {
    String name = file.getFileName().toString();
    String base = name.endsWith(ENTRY) ? name.substring(0, name.length() - ENTRY.length()) : name;
    try {
      Files.createDirectories(quarantine);
      Path target = quarantine.resolve(name);
      for (int i = 1; Files.exists(target); i++) {
        target = quarantine.resolve(name + "." + i);
      }
      Files.move(file, target);
      Files.writeString(target.resolveSibling(target.getFileName() + REASON),
          Instant.now() + " " + reason + System.lineSeparator(), StandardCharsets.UTF_8);
      Path state = file.resolveSibling(base + STATE);
      if (Files.exists(state)) {
        Files.move(state, target.resolveSibling(target.getFileName() + STATE),
            StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
      LOG.log(Level.WARNING, "outbox entry " + file + " is damaged (" + reason + "); moved to "
          + target);
      return target;
    } catch (IOException e) {
      LOG.log(Level.ERROR, "outbox entry " + file + " is damaged (" + reason + ") and cannot be"
          + " moved to " + quarantine + " (" + e + "); it is left in place and skipped");
      return file;
    }
  }

  private void forget(EntryId id, long sequence) {
    queue.remove(sequence);
    sequences.remove(id);
  }

  private long requirePending(EntryId id) {
    Long sequence = sequences.get(id);
    if (sequence == null) {
      throw new IllegalArgumentException("no pending outbox entry " + id + " in " + directory);
    }
    return sequence;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the outbox store " + directory + " is closed");
    }
  }

  static String baseName(long sequence, EntryId id) {
    String digits = Long.toString(sequence);
    StringBuilder b = new StringBuilder(SEQUENCE_DIGITS + 1 + id.value().length());
    for (int i = digits.length(); i < SEQUENCE_DIGITS; i++) {
      b.append('0');
    }
    return b.append(digits).append('-').append(id.value()).toString();
  }

  private static long parseSequence(String base) {
    if (base.length() < SEQUENCE_DIGITS + 2 || base.charAt(SEQUENCE_DIGITS) != '-') {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < SEQUENCE_DIGITS; i++) {
      char c = base.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static EntryId parseId(String base) {
    if (base.length() < SEQUENCE_DIGITS + 2) {
      return null;
    }
    String id = base.substring(SEQUENCE_DIGITS + 1);
    return EntryId.isValid(id) ? new EntryId(id) : null;
  }

  static String header(EntryId id, Instant created, byte[] document) {
    return MAGIC + " " + FORMAT + " " + id + " " + created + " " + document.length + " "
        + sha256(document, 0, document.length) + "\n";
  }

  private static Header readHeader(Path file, EntryId id) throws IOException {
    byte[] start = new byte[MAX_HEADER];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < start.length) {
        int r = in.read(start, n, start.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    return Header.parse(start, n, id);
  }

  static String sha256(byte[] bytes, int from, int to) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, from, to - from);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static KcidbException io(String message, Throwable cause) {
    return new KcidbException(Reason.OUTBOX_IO, message, cause);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete " + file + ": " + e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot close " + channel + ": " + e);
    }
  }

  /** The first line of an entry file: {@code KCIDB-OUTBOX 1 <id> <created> <bytes> <sha256>}. */
  private static final class Header {
    final Instant created;
    final long bytes;
    final String sha256;
    /** The header's own length, newline included. */
    final int length;

    private Header(Instant created, long bytes, String sha256, int length) {
      this.created = created;
      this.bytes = bytes;
      this.sha256 = sha256;
      this.length = length;
    }

    /** Parses the header at the start of {@code data[0..n)}; the message says what is wrong. */
    static Header parse(byte[] data, int n, EntryId id) {
      int end = -1;
      for (int i = 0; i < Math.min(n, MAX_HEADER); i++) {
        if (data[i] == '\n') {
          end = i;
          break;
        }
      }
      if (end < 0) {
        throw new IllegalArgumentException(n == 0 ? "the file is empty"
            : "the header line is missing or longer than " + MAX_HEADER + " bytes");
      }
      String line = new String(data, 0, end, StandardCharsets.US_ASCII);
      String[] f = new String[6];
      int count = 0;
      int from = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == ' ') {
          if (count == f.length) {
            count++;
            break;
          }
          f[count++] = line.substring(from, i);
          from = i + 1;
        }
      }
      if (count != 6 || !MAGIC.equals(f[0])) {
        throw new IllegalArgumentException("the header is not \"" + MAGIC
            + " <format> <id> <created> <bytes> <sha256>\"");
      }
      if (!FORMAT.equals(f[1])) {
        throw new IllegalArgumentException("format " + Json.quote(f[1]) + " is not known (this"
            + " version reads format " + FORMAT + ")");
      }
      if (!id.value().equals(f[2])) {
        throw new IllegalArgumentException("the header names entry " + Json.quote(f[2])
            + ", the file name " + id);
      }
      Instant created;
      try {
        created = Instant.parse(f[3]);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("the creation time " + Json.quote(f[3])
            + " is not an instant");
      }
      long bytes = -1;
      if (!f[4].isEmpty() && f[4].length() <= 10) {
        bytes = 0;
        for (int i = 0; i < f[4].length() && bytes >= 0; i++) {
          char c = f[4].charAt(i);
          bytes = c >= '0' && c <= '9' ? bytes * 10 + (c - '0') : -1;
        }
      }
      if (bytes <= 0) {
        throw new IllegalArgumentException("the length " + Json.quote(f[4])
            + " is not a positive number");
      }
      if (f[5].length() != 64 || !isLowerHex(f[5])) {
        throw new IllegalArgumentException("the checksum is not 64 lower-case hex digits");
      }
      return new Header(created, bytes, f[5], end + 1);
    }

    /** Returns what is wrong with the file's size, or null. */
    String check(long fileSize) {
      long expected = length + bytes;
      if (fileSize != expected) {
        return "the file has " + fileSize + " bytes, its header announces " + expected;
      }
      return null;
    }

    private static boolean isLowerHex(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }
  }
}
