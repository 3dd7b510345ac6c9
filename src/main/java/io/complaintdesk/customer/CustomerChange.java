package io.complaintdesk.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonSetter;

import io.complaintdesk.base.PlainText;
import io.complaintdesk.base.Problems.FieldProblem;
import io.complaintdesk.base.Text;

/**
 * The body of {@code PATCH /api/customers/{customerId}} (POLICY §8): the fields to change, as a JSON
 * merge patch — a field left out stays as it is, {@code null} clears a contact detail. Contact
 * details, department, annual volume and defaults may change; the tier never (the {@code client-tier}
 * table and the half-yearly review decide it), nor anything else: such fields are refused by name.
 */
final class CustomerChange {

	/** What a supervisor may change. */
	static final Set<String> CHANGEABLE = Set.of("contactPhone", "address", "email", "department", "annualVolume",
			"defaultCount");

	private final Set<String> given = new LinkedHashSet<>();

	private final Set<String> refused = new TreeSet<>();

	@Pattern(regexp = "(\\+?[0-9][0-9 ()-]{4,38})?", message = "{constraint.phone}")
	private String contactPhone;

	@Size(max = 400)
	@PlainText(multiline = true)
	private String address;

	@Email
	@Size(max = 200)
	@PlainText
	private String email;

	@Size(max = 64)
	@PlainText
	private String department;

	@PositiveOrZero
	@DecimalMax(value = "1000000000000", message = "{constraint.annualVolume.max}")
	@Digits(integer = 13, fraction = 2)
	private BigDecimal annualVolume;

	@PositiveOrZero
	private Integer defaultCount;

	@JsonSetter("contactPhone")
	void contactPhone(String value) {
		this.given.add("contactPhone");
		this.contactPhone = value;
	}

	@JsonSetter("address")
	void address(String value) {
		this.given.add("address");
		this.address = value;
	}

	@JsonSetter("email")
	void email(String value) {
		this.given.add("email");
		this.email = value;
	}

	@JsonSetter("department")
	void department(String value) {
		this.given.add("department");
		this.department = value;
	}

	@JsonSetter("annualVolume")
	void annualVolume(BigDecimal value) {
		this.given.add("annualVolume");
		this.annualVolume = value;
	}

	@JsonSetter("defaultCount")
	void defaultCount(Integer value) {
		this.given.add("defaultCount");
		this.defaultCount = value;
	}

	/** Any other field: the tier, the id, the name, the type … — refused, whatever its value. */
	@JsonAnySetter
	void other(String name, Object value) {
		this.refused.add(name);
	}

	/**
	 * What is wrong beyond the constraints of each field: fields that may not be changed, required
	 * values cleared, nothing to change at all.
	 */
	List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : this.refused) {
			problems.add(new FieldProblem(field,
					Text.of("tier".equals(field) ? "constraint.tier.decided" : "constraint.customer.notChangeable")));
		}
		if (this.given.contains("department") && (this.department == null || this.department.isBlank())) {
			problems.add(new FieldProblem("department", Text.of("constraint.required")));
		}
		if (this.given.contains("annualVolume") && this.annualVolume == null) {
			problems.add(new FieldProblem("annualVolume", Text.of("constraint.required")));
		}
		if (this.given.contains("defaultCount") && this.defaultCount == null) {
			problems.add(new FieldProblem("defaultCount", Text.of("constraint.required")));
		}
		if (this.given.isEmpty() && this.refused.isEmpty()) {
			problems.add(new FieldProblem("body", Text.of("constraint.customer.nothingToChange")));
		}
		return Collections.unmodifiableList(problems);
	}

	/** The customer with the change applied. */
	Customer applyTo(Customer c) {
		return new Customer(c.customerId(), c.name(), c.type(),
				this.given.contains("department") ? this.department.strip() : c.department(),
				this.given.contains("contactPhone") ? text(this.contactPhone) : c.contactPhone(),
				this.given.contains("address") ? text(this.address) : c.address(),
				this.given.contains("email") ? text(this.email) : c.email(),
				this.given.contains("annualVolume") ? this.annualVolume : c.annualVolume(),
				this.given.contains("defaultCount") ? this.defaultCount : c.defaultCount(), c.tier(), c.confidential(),
				c.createdAt(), c.updatedAt());
	}

	Set<String> given() {
		return Collections.unmodifiableSet(this.given);
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
