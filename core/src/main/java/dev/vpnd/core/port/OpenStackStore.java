package dev.vpnd.core.port;

import dev.vpnd.core.model.OpenStackResource;
import java.util.List;
import java.util.Optional;

/** Neutron resources by kind and id, each a JSON document owned by the Neutron dialect. */
public interface OpenStackStore {
    void insert(OpenStackResource resource);

    Optional<OpenStackResource> find(String kind, String id);

    /** Every resource of the kind, of every project, in ascending id order (Neutron's unsorted order). */
    List<OpenStackResource> list(String kind);

    /**
     * The resources of the kind that the project owns or that every project sees ({@link
     * OpenStackResource#seenByEveryone}), in ascending id order; others' private ones are not read.
     */
    List<OpenStackResource> listVisible(String kind, String projectId);

    /** How many resources of the kind the project owns. */
    long count(String kind, String projectId);

    /** Replaces the attributes and the mark; false when there was no such resource. */
    boolean update(OpenStackResource resource);

    boolean delete(String kind, String id);
}
