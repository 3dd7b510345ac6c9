package io.complaintdesk.base;

import java.util.List;

/** The candidate groups of POLICY §1 (CONTRACT "users and groups"). */
public final class Groups {

	public static final String AGENTS = "agents";

	public static final String SUPERVISORS = "supervisors";

	public static final String DIRECTORS = "directors";

	public static final String GM = "gm";

	public static final String CLERKS = "clerks";

	public static final String BRAND_LEGAL = "brand-legal";

	public static final String ADMINS = "camunda-admin";

	/** Monitoring systems scraping {@code /actuator/prometheus}; no Tasklist, no API. */
	public static final String MONITORING = "monitoring";

	/** Everyone who works complaints in Tasklist. */
	public static final List<String> STAFF = List.of(AGENTS, SUPERVISORS, DIRECTORS, GM, CLERKS, BRAND_LEGAL);

	/** Who may register a complaint: the front desk and everyone above it. */
	public static final List<String> INTAKE = List.of(AGENTS, SUPERVISORS, DIRECTORS, GM);

	/** Who watches the desk in Cockpit. */
	public static final List<String> COCKPIT = List.of(SUPERVISORS, DIRECTORS, GM);

	private Groups() {
	}

}
