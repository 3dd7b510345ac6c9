package io.complaintdesk.customer;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.complaintdesk.base.Groups;

/**
 * Who may read what of the customer master (POLICY §9). Every staff member reads the master with
 * contact details masked; the groups below see more. Authorities are the Camunda group ids.
 */
final class CustomerRoles {

	/** Read contact details in full, of every customer; admit customers. */
	static final Set<String> SUPERVISORS_AND_ABOVE = Set.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM,
			Groups.ADMINS);

	/** Read who read which confidential record. */
	static final Set<String> ACCESS_LOG_READERS = Set.of(Groups.DIRECTORS, Groups.GM, Groups.ADMINS);

	private CustomerRoles() {
	}

	static boolean isAnyOf(Authentication authentication, Set<String> groups) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(groups::contains);
	}

}
