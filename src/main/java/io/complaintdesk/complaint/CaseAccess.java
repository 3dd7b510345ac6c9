package io.complaintdesk.complaint;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Reader;
import io.complaintdesk.engine.CaseReaders;

/**
 * Who may read a case (POLICY §9, CONTRACT "Who may read a case"), written down once: the groups
 * that handle, review, approve, call back or archive cases — agents verify every case and clerks
 * archive every case — and supervisors, directors and the general manager; brand and legal only
 * major complaints; never the employee the case is about. To anyone else it does not exist.
 * <p>
 * The project API asks {@link #mayRead} and filters its search with {@link #visibility}; the engine
 * applies the same rule in its own queries: the groups by grants on the process definitions
 * ({@code system.AuthorizationSeeder}), brand and legal by a grant per major case
 * ({@code MajorComplaintWarning}), the excluded employee by tenants ({@code engine.CaseTenants}, fed
 * by {@link #excludedUser} and {@link #excludedUsers}).
 */
@Component
public class CaseAccess implements CaseReaders {

	/** The groups that read every case (except one about themselves). */
	public static final Set<String> CASE_GROUPS = Set.of(Groups.AGENTS, Groups.CLERKS, Groups.SUPERVISORS,
			Groups.DIRECTORS, Groups.GM);

	/** What a reader sees of the cases. */
	public enum Visibility {

		/** every case (except those about the reader) */
		ALL,
		/** major complaints only (brand and legal) */
		MAJOR,
		/** nothing */
		NONE

	}

	private final ComplaintRegistry registry;

	CaseAccess(ComplaintRegistry registry) {
		this.registry = registry;
	}

	public Visibility visibility(Reader reader) {
		if (reader == null || reader.userId() == null) {
			return Visibility.NONE;
		}
		// administrators are the engine's superusers: the engine shows them every case, so does the API
		if (reader.isAdmin() || reader.groups().stream().anyMatch(CASE_GROUPS::contains)) {
			return Visibility.ALL;
		}
		return reader.isIn(Groups.BRAND_LEGAL) ? Visibility.MAJOR : Visibility.NONE;
	}

	public boolean mayRead(Reader reader, ComplaintRegistry.ComplaintRecord complaint) {
		if (complaint == null || reader == null || reader.userId() == null
				|| reader.userId().equals(complaint.accusedEmployee())) {
			return false;
		}
		return switch (visibility(reader)) {
			case ALL -> true;
			case MAJOR -> complaint.major();
			case NONE -> false;
		};
	}

	@Override
	public String excludedUser(Map<String, Object> variables) {
		Object accused = variables.get(ComplaintProcess.ACCUSED_EMPLOYEE.name());
		return (accused instanceof String user && !user.isBlank()) ? user.trim() : null;
	}

	@Override
	public Collection<String> excludedUsers() {
		return this.registry.accusedEmployees();
	}

}
