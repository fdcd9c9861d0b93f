package kb.output;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * What each folder of the site held when the last in-place update ({@link SiteUpdate}) committed
 * it, with the folder's modification time and inode as that commit found them. A folder whose
 * time and inode are still those holds the same names: adding, removing or renaming an entry
 * changes its folder's time. The commit's sweep then takes the names from here instead of
 * listing the folder: listing the 20,000 folders of a 10,000-article site (open, two reads, close
 * and a type check of each subfolder) was most of a one-edit build's swap phase, where one
 * {@code lstat} per folder tells the same.
 *
 * <p>Kept in the site's {@code .kb/} folder with kb's other working files, and moved in by the
 * commit as any new file is; a file that is missing, of another format or damaged (its CRC-32)
 * is no record at all, and every folder is listed.
 */
final class SiteFolders {
    /** Where the record is, relative to the site's root. */
    static final String FILE = ".kb/folders.bin";
    private static final String MAGIC = "kb site folders 1";
    /**
     * Seconds after its last change before a folder's time vouches for its names: a name added
     * within the same clock tick as the change before it leaves the time as it was (as git's
     * index treats a file "racily clean").
     */
    private static final int SETTLED = 2;
    private static final SiteFolders NONE = new SiteFolders(Map.of());

    /** Folder (relative path, "" the root) to its stat and its names, a folder's ending in '/'. */
    private final Map<String, Listed> folders;

    private record Listed(String stat, List<String> names) { }

    private SiteFolders(Map<String, Listed> folders) {
        this.folders = folders;
    }

    /** The record of the site at {@code out}; none (every folder listed) when it is missing or damaged. */
    static SiteFolders read(Path out) {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int body = bytes.length - Long.BYTES;
            if (body < 0) {
                return NONE;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, body);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.skipNBytes(body);
            if (in.readLong() != crc.getValue()) {
                return NONE;
            }
            in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
            if (!in.readUTF().equals(MAGIC)) {
                return NONE;
            }
            int count = in.readInt();
            Map<String, Listed> folders = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String folder = in.readUTF();
                String stat = in.readUTF();
                String[] names = new String[in.readInt()];
                for (int n = 0; n < names.length; n++) {
                    names[n] = in.readUTF();
                }
                folders.put(folder, new Listed(stat, List.of(names)));
            }
            return in.available() == 0 ? new SiteFolders(folders) : NONE;
        } catch (IOException | RuntimeException e) {
            return NONE; // damaged: list every folder
        }
    }

    /**
     * The names {@code folder} held at the last commit, each folder's ending in '/', when its
     * {@code stat} (see {@link #stat}) is still the one recorded; else null (list it).
     */
    List<String> names(String folder, String stat) {
        Listed listed = folders.get(folder);
        return listed == null || stat.isEmpty() || !listed.stat().equals(stat) ? null : listed.names();
    }

    /**
     * What says a folder holds the names it held: its modification time and inode; "" (list it)
     * for a folder changed in the last {@link #SETTLED} seconds or where the file system has no inodes.
     */
    static String stat(BasicFileAttributes attributes) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        Object inode = attributes.fileKey();
        if (inode == null || modified.isAfter(Instant.now().minusSeconds(SETTLED))) {
            return "";
        }
        return modified + " " + inode;
    }

    /**
     * Writes the record of a site about to be committed.
     *
     * @param stats each folder's stat as the sweep found it; only those with one are recorded
     * @param names each folder's names in the new site (a folder's ending in '/')
     */
    static void write(Path file, Map<String, String> stats, Map<String, List<String>> names) throws IOException {
        List<String> recorded = new ArrayList<>();
        stats.forEach((folder, stat) -> {
            if (!stat.isEmpty() && names.containsKey(folder)) {
                recorded.add(folder);
            }
        });
        Files.createDirectories(file.getParent());
        CRC32 crc = new CRC32();
        try (CheckedOutputStream checked = new CheckedOutputStream(Files.newOutputStream(file), crc);
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
            data.writeUTF(MAGIC);
            data.writeInt(recorded.size());
            for (String folder : recorded) {
                data.writeUTF(folder);
                data.writeUTF(stats.get(folder));
                List<String> list = names.get(folder);
                data.writeInt(list.size());
                for (String name : list) {
                    data.writeUTF(name);
                }
            }
            data.flush();
            data.writeLong(crc.getValue());
        }
    }
}
