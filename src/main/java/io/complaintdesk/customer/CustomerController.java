package io.complaintdesk.customer;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.customer.CustomerDirectory.BlacklistedIdException;
import io.complaintdesk.customer.CustomerDirectory.CustomerExistsException;
import io.complaintdesk.customer.CustomerFiles.Reader;
import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.EnumName;
import io.complaintdesk.base.PlainText;
import io.complaintdesk.base.Problems;
import io.complaintdesk.base.Problems.FieldProblem;
import io.complaintdesk.base.Text;

/**
 * {@code /api/customers}: the customer master (CONTRACT "Project REST API", POLICY §8, §9). All
 * staff read it, contact details masked unless they may read them; supervisors and above admit
 * customers.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final CustomerFiles files;

	CustomerController(CustomerFiles files) {
		this.files = files;
	}

	// runs before every handler here, before a body is read or validated: a refused POST or PATCH is 403, never 400
	@ModelAttribute
	void requireSupervisorToAdmit(HttpServletRequest request, Authentication authentication) {
		if (HttpMethod.POST.matches(request.getMethod())
				&& !CustomerRoles.isAnyOf(authentication, CustomerRoles.SUPERVISORS_AND_ABOVE)) {
			throw ApiRefusal.forbidden("api.customer.admitForbidden");
		}
		if (HttpMethod.PATCH.matches(request.getMethod())
				&& !CustomerRoles.isAnyOf(authentication, CustomerRoles.SUPERVISORS_AND_ABOVE)) {
			throw ApiRefusal.forbidden("api.customer.changeForbidden");
		}
	}

	@GetMapping
	List<CustomerView> list(@Valid CustomerFilter filter, Authentication authentication, HttpServletRequest request) {
		return this.files.list(blankToNull(filter.department()),
				(filter.tier() != null) ? ClientTier.valueOf(filter.tier()) : null, reader(authentication, request));
	}

	@GetMapping("/{customerId}")
	CustomerView find(@PathVariable @Size(max = 64) @PlainText String customerId, Authentication authentication, HttpServletRequest request) {
		return this.files.read(customerId, reader(authentication, request))
			.orElseThrow(() -> ApiRefusal.notFound("api.customer.notFound", customerId));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CustomerView admit(@Valid @RequestBody CustomerRequest request, Authentication authentication) {
		return this.files.admit(request.toNewCustomer(authentication.getName()));
	}

	/**
	 * Changes contact details, department, annual volume or defaults (POLICY §8), recorded with who
	 * changed what; the tier is never changed here. 404 for an unknown id.
	 */
	@PatchMapping("/{customerId}")
	CustomerView change(@PathVariable @Size(max = 64) @PlainText String customerId,
			@Valid @RequestBody CustomerChange change, Authentication authentication, HttpServletRequest request) {
		List<FieldProblem> problems = change.problems();
		if (!problems.isEmpty()) {
			throw new InvalidChangeException(problems);
		}
		return this.files.change(customerId, change, reader(authentication, request))
			.orElseThrow(() -> ApiRefusal.notFound("api.customer.notFound", customerId));
	}

	@ExceptionHandler(InvalidChangeException.class)
	ProblemDetail invalidChange(InvalidChangeException ex, Locale locale) {
		return Problems.invalidFields(locale, ex.problems.toArray(FieldProblem[]::new));
	}

	/** A change that names fields it may not change, or clears a required one: 400, nothing stored. */
	static final class InvalidChangeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<FieldProblem> problems;

		InvalidChangeException(List<FieldProblem> problems) {
			super("Invalid customer change: " + problems.stream().map(FieldProblem::field).toList());
			this.problems = List.copyOf(problems);
		}

	}

	@ExceptionHandler({ CustomerExistsException.class, DuplicateKeyException.class })
	ProblemDetail exists(Exception ex, Locale locale) {
		return Problems.withFieldError(HttpStatus.CONFLICT, Text.of("api.customer.exists"),
				new FieldProblem("customerId", Text.of("api.customer.exists.field")), locale);
	}

	@ExceptionHandler(BlacklistedIdException.class)
	ProblemDetail blacklisted(BlacklistedIdException ex, Locale locale) {
		return Problems.withFieldError(HttpStatus.CONFLICT, Text.of("api.customer.blacklisted"),
				new FieldProblem("customerId", Text.of("api.customer.blacklisted.field")), locale);
	}

	private static Reader reader(Authentication authentication, HttpServletRequest request) {
		String query = request.getQueryString();
		String endpoint = request.getMethod() + " " + request.getRequestURI() + ((query != null) ? "?" + query : "");
		return new Reader(authentication.getName(),
				CustomerRoles.isAnyOf(authentication, CustomerRoles.SUPERVISORS_AND_ABOVE), endpoint);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** {@code ?department=EAST&tier=VIP}, both optional. */
	record CustomerFilter(@Size(max = 64) @PlainText String department, @EnumName(ClientTier.class) String tier) {
	}

}
