package io.complaintdesk.penalty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.complaintdesk.penalty.PenaltyLedger.AlreadyVoidedException;
import io.complaintdesk.penalty.PenaltyLedger.InvalidPenaltyException;
import io.complaintdesk.penalty.PenaltyLedger.PenaltyNotFoundException;
import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.PlainText;
import io.complaintdesk.base.Problems;
import io.complaintdesk.base.Problems.FieldProblem;
import io.complaintdesk.base.Text;

/**
 * {@code /api/penalties}: the penalty ledger a supervisor reviews (POLICY §7). Only supervisors,
 * directors, the general manager and administrators read or write it; other staff get 403.
 */
@RestController
@RequestMapping("/api/penalties")
class PenaltyController {

	/** Who reviews the ledger: the groups that watch the desk, and administrators. */
	static final Set<String> REVIEWERS = Set.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM, Groups.ADMINS);

	private final PenaltyLedger ledger;

	PenaltyController(PenaltyLedger ledger) {
		this.ledger = ledger;
	}

	// a model attribute method runs before every handler here, before the body is read or validated
	@ModelAttribute
	void requireReviewer(Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(REVIEWERS::contains)) {
			throw ApiRefusal.forbidden("api.penalty.forbidden");
		}
	}

	@GetMapping
	PenaltyMonth month(@Valid MonthQuery query) {
		YearMonth month = YearMonth.parse(query.month());
		return PenaltyMonth.of(month, this.ledger.month(month));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PenaltyEntry record(@Valid @RequestBody ManualPenalty penalty, Authentication authentication) {
		String occurrenceKey = (penalty.occurrenceKey() != null) ? penalty.occurrenceKey()
				: "manual-" + UUID.randomUUID();
		boolean recorded = this.ledger.record(penalty.caseNumber(), penalty.person(), penalty.rule(), occurrenceKey,
				penalty.detail(), penalty.amount(), authentication.getName());
		PenaltyEntry entry = this.ledger.find(penalty.caseNumber(), penalty.rule(), occurrenceKey).orElseThrow();
		if (!recorded) {
			throw ApiRefusal.conflict("api.penalty.duplicate", penalty.caseNumber(), penalty.rule(), occurrenceKey,
					entry.id());
		}
		return entry;
	}

	@PostMapping("/{id}/void")
	PenaltyEntry voidEntry(@PathVariable long id, @Valid @RequestBody VoidRequest request,
			Authentication authentication) {
		this.ledger.voidEntry(id, authentication.getName(), request.reason());
		return this.ledger.find(id).orElseThrow(() -> new PenaltyNotFoundException(id));
	}

	@ExceptionHandler(InvalidPenaltyException.class)
	ProblemDetail invalid(InvalidPenaltyException ex, Locale locale) {
		return Problems.invalidFields(locale, new FieldProblem(ex.field(), ex.problem()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
		return Problems.invalidFields(locale, new FieldProblem(ex.getName(), Text.of("api.type.wrong")));
	}

	@ExceptionHandler(PenaltyNotFoundException.class)
	ProblemDetail notFound(PenaltyNotFoundException ex, Locale locale) {
		return Problems.of(HttpStatus.NOT_FOUND, ex.text(), locale);
	}

	@ExceptionHandler(AlreadyVoidedException.class)
	ProblemDetail alreadyVoided(AlreadyVoidedException ex, Locale locale) {
		return Problems.of(HttpStatus.CONFLICT, ex.text(), locale);
	}

	/** {@code ?month=2026-11}: a month of the desk's time zone. */
	record MonthQuery(@NotNull(message = "{constraint.month.required}") @Pattern(
			regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "{constraint.month}") String month) {
	}

	/**
	 * A supervisor's entry of a rule they judge: {@code RULE_BREACH} (30 to 100) or
	 * {@code FALSIFIED_CALLBACK} (50 to 100).
	 * @param occurrenceKey optional: the same key again is refused with 409 instead of recorded twice
	 */
	record ManualPenalty(@NotBlank @Size(max = 32) @PlainText String caseNumber,
			@NotBlank @Size(max = 64) @PlainText String person,
			@NotNull PenaltyRule rule, @NotNull @Digits(integer = 8, fraction = 2) BigDecimal amount,
			@NotBlank @Size(max = PenaltyLedger.MAX_TEXT) @PlainText(multiline = true) String detail,
			@Size(min = 1, max = 100) @PlainText String occurrenceKey) {
	}

	record VoidRequest(@NotBlank @Size(max = PenaltyLedger.MAX_TEXT) @PlainText(multiline = true) String reason) {
	}

	/** The month's entries, voided ones included, and what each person's valid entries add up to. */
	record PenaltyMonth(YearMonth month, List<PenaltyEntry> entries, List<PersonTotal> totals) {

		static PenaltyMonth of(YearMonth month, List<PenaltyEntry> entries) {
			Map<String, PersonTotal> totals = new TreeMap<>();
			entries.stream()
				.filter((entry) -> !entry.isVoided())
				.forEach((entry) -> totals.merge(entry.person(), new PersonTotal(entry.person(), 1, entry.amount()),
						PersonTotal::plus));
			return new PenaltyMonth(month, entries, List.copyOf(totals.values()));
		}

	}

	record PersonTotal(String person, int entries, BigDecimal amount) {

		PersonTotal plus(PersonTotal other) {
			return new PersonTotal(this.person, this.entries + other.entries, this.amount.add(other.amount));
		}

	}

}
