package io.complaintdesk.notification;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.PlainText;

/**
 * {@code GET /api/notifications}: the outbox of a case ({@code ?caseNumber=}) or the latest
 * notifications, so that undelivered ones (mail off, server down) stay visible.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	static final int RECENT = 100;

	/** notifications carry case details of every level and mail-server errors: supervisors and up */
	private static final Set<String> READERS = Set.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM, Groups.ADMINS);

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	List<Notification> list(@RequestParam(required = false) @Size(max = 32) @PlainText String caseNumber,
			Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(READERS::contains)) {
			throw ApiRefusal.forbidden("api.notification.forbidden");
		}
		return (caseNumber == null || caseNumber.isBlank()) ? this.notifications.recent(RECENT)
				: this.notifications.find(caseNumber.trim());
	}

}
