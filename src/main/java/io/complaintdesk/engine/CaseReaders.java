package io.complaintdesk.engine;

import java.util.Collection;
import java.util.Map;

/**
 * The part of the desk's access rule (POLICY §9) that depends on the case, not on the group: the
 * one user a case must stay hidden from (the employee it is about). Implemented by the feature that
 * knows the cases; the engine adapter turns it into tenants, see {@link CaseTenants}.
 */
public interface CaseReaders {

	/** The user a new process instance with these variables must be hidden from, or {@code null}. */
	String excludedUser(Map<String, Object> variables);

	/** Every user some case is hidden from (cases about them), open or closed. */
	Collection<String> excludedUsers();

}
