package kb.search;

import java.util.Collection;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;

/**
 * A build's index folder, written without forcing its files to the disk. Lucene's commit calls
 * fsync on every file it wrote and on the folder: about 35 calls on the shipped help center,
 * 0.05 to 0.16 s of a build's wall time on this machine (the first one flushes every page the
 * build had written before it, as ext4 commits its journal). The index is written into the
 * build's staging folder and made live by the same rename that makes the pages live, and no page
 * is forced to the disk either: what survives a power cut is the file system's to decide, for
 * the index as for the pages, and the next build writes both again.
 */
final class UnsyncedDirectory extends FilterDirectory {
    UnsyncedDirectory(Directory in) {
        super(in);
    }

    @Override
    public void sync(Collection<String> names) {
        // see the class comment
    }

    @Override
    public void syncMetaData() {
        // see the class comment
    }
}
