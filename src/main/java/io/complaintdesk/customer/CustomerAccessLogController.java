package io.complaintdesk.customer;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.customer.CustomerAccessLog.AccessLogEntry;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.PlainText;

/**
 * Who read which confidential customer record, and when (POLICY §9): {@code GET
 * /api/customers/access-log} and {@code GET /api/customers/{customerId}/access-log}, newest first.
 * Directors, the general manager and administrators only.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerAccessLogController {

	private final CustomerAccessLog accessLog;

	private final CustomerDirectory directory;

	CustomerAccessLogController(CustomerAccessLog accessLog, CustomerDirectory directory) {
		this.accessLog = accessLog;
		this.directory = directory;
	}

	@ModelAttribute
	void requireAuditor(Authentication authentication) {
		if (!CustomerRoles.isAnyOf(authentication, CustomerRoles.ACCESS_LOG_READERS)) {
			throw ApiRefusal.forbidden("api.customer.accessLogForbidden");
		}
	}

	/** Every entry, or those of one customer or one reader. */
	@GetMapping("/access-log")
	List<AccessLogEntry> entries(@RequestParam(required = false) @Size(max = 64) @PlainText String customerId,
			@RequestParam(required = false) @Size(max = 64) @PlainText String readBy) {
		return this.accessLog.entries(blankToNull(customerId), blankToNull(readBy));
	}

	@GetMapping("/{customerId}/access-log")
	List<AccessLogEntry> entriesOf(@PathVariable @Size(max = 64) @PlainText String customerId) {
		List<AccessLogEntry> entries = this.accessLog.entries(customerId, null);
		if (entries.isEmpty() && this.directory.find(customerId).isEmpty()) {
			throw ApiRefusal.notFound("api.customer.notFound", customerId);
		}
		return entries;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
