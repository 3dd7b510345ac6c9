package io.complaintdesk.complaint;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.base.EnumName;
import io.complaintdesk.base.PlainText;
import io.complaintdesk.base.Reader;
import io.complaintdesk.complaint.CaseQuery.CaseSummary;
import io.complaintdesk.complaint.CaseQuery.CaseView;
import io.complaintdesk.complaint.ComplaintRegistry.CaseSearch;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;
import io.complaintdesk.base.ApiRefusal;

/** {@code /api/complaints} (CONTRACT "Project REST API"). */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

	private final ComplaintIntake intake;

	private final CaseQuery cases;

	ComplaintController(ComplaintIntake intake, CaseQuery cases) {
		this.intake = intake;
		this.cases = cases;
	}

	/**
	 * A new case ({@code 201}), or, when the complaint names an open case of the same customer that
	 * the caller may read, that case with {@code "duplicate": true} ({@code 200}): the report is added
	 * to it (POLICY §2).
	 */
	@PostMapping
	ResponseEntity<RegisteredComplaint> register(@Valid @RequestBody ComplaintRequest request,
			Authentication authentication) {
		RegisteredComplaint registered = this.intake.register(request.toNewComplaint(), Reader.of(authentication));
		return ResponseEntity.status(registered.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(registered);
	}

	/** The case, for those who may read it (POLICY §9); to anyone else it does not exist. */
	@GetMapping("/{caseNumber}")
	CaseView find(@PathVariable @Size(max = 32) @PlainText String caseNumber, Authentication authentication) {
		return this.cases.find(caseNumber, Reader.of(authentication))
			.orElseThrow(() -> ApiRefusal.notFound("api.complaint.notFound", caseNumber));
	}

	/** Search (CONTRACT): the cases the reader may see that match, newest first, one page and the total. */
	@GetMapping
	SearchResult search(@RequestParam(required = false) @Size(max = 64) @PlainText String q,
			@RequestParam(required = false) @EnumName(CaseStatus.class) String status,
			@RequestParam(required = false) @Min(1) @Max(ComplaintLevels.HIGHEST) Integer level,
			@RequestParam(required = false) @Size(max = 64)
			@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{constraint.id}") String customerId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
		String text = (q == null || q.isBlank()) ? null : q.trim();
		CaseSearch search = new CaseSearch(text, (status != null) ? CaseStatus.valueOf(status) : null, level,
				(customerId == null || customerId.isBlank()) ? null : customerId,
				(from != null) ? this.cases.startOf(from) : null, (to != null) ? this.cases.startOf(to.plusDays(1)) : null,
				page, size);
		ComplaintRegistry.SearchPage found = this.cases.search(search, Reader.of(authentication));
		return new SearchResult(found.items().stream().map(this.cases::summary).toList(), found.total(), page, size);
	}

	/** The answer of the search (CONTRACT): {@code {items, total, page, size}}. */
	record SearchResult(List<CaseSummary> items, long total, int page, int size) {
	}

}
