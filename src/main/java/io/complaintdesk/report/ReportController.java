package io.complaintdesk.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.complaintdesk.report.ReportPeriod.InvalidPeriodException;
import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Problems;
import io.complaintdesk.base.Problems.FieldProblem;

/**
 * {@code /api/reports/weekly?week=2026-W47} and {@code /api/reports/monthly?month=2026-11}
 * (CONTRACT): the released report of the period if there is one, else the figures computed now;
 * JSON, or CSV with {@code Accept: text/csv}: Chinese column names ({@code 分类,项目,数值}) unless
 * {@code lang=en} (or {@code Accept-Language: en}) asks for the English ones ({@code section,key,value}).
 * Supervisors, directors, the general manager, the clerks and administrators read them (POLICY §10);
 * other staff get 403.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** Who reads the reports: the clerk who writes the weekly one and the levels it is for. */
	static final Set<String> READERS = Set.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM, Groups.CLERKS,
			Groups.ADMINS);

	private final Reports reports;

	private final ReportStore store;

	ReportController(Reports reports, ReportStore store) {
		this.reports = reports;
		this.store = store;
	}

	// runs before every handler of this controller, before the parameters are looked at
	@ModelAttribute
	void requireReader(Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(READERS::contains)) {
			throw ApiRefusal.forbidden("api.report.forbidden");
		}
	}

	@GetMapping("/weekly")
	ReportView weekly(@RequestParam(required = false) String week) {
		return view(this.reports.week(week));
	}

	@GetMapping(path = "/weekly", produces = "text/csv")
	ResponseEntity<byte[]> weeklyCsv(@RequestParam(required = false) String week,
			@RequestParam(required = false) String lang, Locale locale) {
		return csv(this.reports.week(week), language(lang, locale));
	}

	@GetMapping("/monthly")
	ReportView monthly(@RequestParam(required = false) String month) {
		return view(this.reports.month(month));
	}

	@GetMapping(path = "/monthly", produces = "text/csv")
	ResponseEntity<byte[]> monthlyCsv(@RequestParam(required = false) String month,
			@RequestParam(required = false) String lang, Locale locale) {
		return csv(this.reports.month(month), language(lang, locale));
	}

	/** {@code lang=en} (or {@code zh}) if given, else the request's language: Chinese by default. */
	private static Locale language(String lang, Locale locale) {
		return (lang != null && !lang.isBlank()) ? Messages.languageParameter(lang) : Messages.supported(locale);
	}

	@ExceptionHandler(InvalidPeriodException.class)
	ProblemDetail invalid(InvalidPeriodException ex, Locale locale) {
		return Problems.invalidFields(locale, new FieldProblem(ex.field(), ex.problem()));
	}

	private ReportView view(ReportPeriod period) {
		return this.store.released(period)
			.map((stored) -> new ReportView(true, stored.releasedAt(), stored.releasedBy(), stored.report()))
			.orElseGet(() -> new ReportView(false, null, null, this.reports.compute(period)));
	}

	private ResponseEntity<byte[]> csv(ReportPeriod period, Locale language) {
		String csv = this.store.released(period)
			.map((released) -> this.reports.csv(released, language))
			.orElseGet(() -> this.reports.csv(this.reports.compute(period), language));
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			// the label is letters, digits and hyphens only: a plain token, no quoting needed
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=complaints-" + period.label() + ".csv")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The report with whether it is the released one: {@code released}, {@code releasedAt} and
	 * {@code releasedBy} next to the figures.
	 */
	record ReportView(boolean released, Instant releasedAt, String releasedBy,
			@JsonUnwrapped ComplaintReport report) {
	}

}
