package io.complaintdesk.report.dashboard;

import java.time.Clock;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Groups;
import io.complaintdesk.complaint.dashboard.Dashboard;
import io.complaintdesk.complaint.dashboard.DeskDashboard;
import io.complaintdesk.complaint.dashboard.DeskWork;

/**
 * {@code GET /api/reports/dashboard}: the figures of the "Complaint desk" dashboard in Cockpit
 * ({@code META-INF/resources/webjars/camunda/app/cockpit/scripts/complaint-desk/dashboard.js}),
 * as of the engine's clock. Supervisors, directors, the general manager and administrators read
 * it, over HTTP Basic or with their Cockpit session; other staff get 403, and the Cockpit plugin
 * then shows nothing.
 */
@RestController
class DashboardController {

	/** Who watches the desk: the Cockpit groups, and administrators. */
	static final Set<String> WATCHERS = Set.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM, Groups.ADMINS);

	private final DeskDashboard dashboard;

	private final DeskWork work;

	private final Clock clock;

	DashboardController(DeskDashboard dashboard, DeskWork work, Clock clock) {
		this.clock = clock;
		this.dashboard = dashboard;
		this.work = work;
	}

	@GetMapping("/api/reports/dashboard")
	Dashboard dashboard(Authentication authentication) {
		requireWatcher(authentication);
		return this.dashboard.at(this.clock.instant());
	}

	/** The clocks coming due, the compensations waiting for approval, each handler's workload. */
	@GetMapping("/api/reports/dashboard/work")
	DeskWork.Work work(Authentication authentication) {
		requireWatcher(authentication);
		return this.work.at(this.clock.instant(), authentication.getName());
	}

	private static void requireWatcher(Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(WATCHERS::contains)) {
			throw ApiRefusal.forbidden("api.dashboard.forbidden");
		}
	}

}
