package org.streamfront.address;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.streamfront.store.AtomicFiles;
import org.streamfront.store.StoreJson;

/**
 * The own addresses being added or in place, by distribution, beside the deployment history. Every
 * change is on disk (atomically) before it returns; a file that cannot be read is moved aside.
 */
public final class AddressStore {
    private static final ObjectMapper JSON = StoreJson.MAPPER;
    private static final Map<Path, AddressStore> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final Map<String, AddressState> byDistribution = new LinkedHashMap<>();

    /** The one store of this file in this process. */
    public static AddressStore open(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), AddressStore::new);
    }

    private AddressStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                List<AddressState> all = JSON.readValue(file.toFile(), new TypeReference<List<AddressState>>() { });
                for (AddressState a : all == null ? List.<AddressState>of() : all) {
                    if (a == null || a.distributionId() == null || a.host() == null || a.phase() == null) {
                        throw new IOException("an entry without distribution, address or phase");
                    }
                    byDistribution.put(a.distributionId(), a);
                }
            } catch (IOException | RuntimeException unreadable) {
                byDistribution.clear();
                try {
                    AtomicFiles.moveAside(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("own addresses " + file + " can neither be read nor moved aside", e);
                }
            }
        }
    }

    public synchronized Optional<AddressState> of(String distributionId) {
        return Optional.ofNullable(byDistribution.get(distributionId));
    }

    public synchronized void put(AddressState state) {
        byDistribution.put(state.distributionId(), state);
        save();
    }

    public synchronized void forget(String distributionId) {
        if (byDistribution.remove(distributionId) != null) {
            save();
        }
    }

    private void save() {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(new ArrayList<>(byDistribution.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("own addresses " + file + " cannot be saved", e);
        }
    }
}
