package dev.vpnd.server.dialect.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A kind whose resources are canonical records, whichever API made them, with the attributes only
 * Neutron has in a side table: no document is kept. Its hooks write the records and leave the
 * document as then stored; it reads the records back as documents, of Neutron's one region.
 */
interface Canonical extends Behaviour {
    /** The resource of this id as a document, of the caller's project (of any project for an admin). */
    Optional<ObjectNode> find(Operation op, String id);

    /**
     * The page a list asks for, of the caller's project's resources (every project's for an admin),
     * filtered, sorted and paged by the store (see {@link CanonicalList}).
     */
    List<ObjectNode> page(Operation op, ListQuery query);

    /** How many resources the project holds in Neutron's region: what its quota counts. */
    long count(Operation op, String projectId);
}
