package kb.data;

import java.util.List;
import java.util.Optional;

/** All networks of {@code networks.yaml}, in file order. */
public record Networks(List<Network> all) {
    public Networks {
        all = List.copyOf(all);
    }

    public Optional<Network> byId(String id) {
        return all.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The networks as the pages of {@code language} show them (see {@link Network#in}). */
    public Networks in(String language) {
        return new Networks(all.stream().map(n -> n.in(language)).toList());
    }

    public List<String> ids() {
        return all.stream().map(Network::id).toList();
    }
}
