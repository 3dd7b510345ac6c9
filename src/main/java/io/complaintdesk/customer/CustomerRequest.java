package io.complaintdesk.customer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.complaintdesk.base.EnumName;
import io.complaintdesk.base.PlainText;

/**
 * The body of {@code POST /api/customers}: a customer to admit. Optional text left blank is
 * stored as absent; a tier in the body is refused (the {@code client-tier} table and the quotas
 * decide it at admission, the half-yearly review later).
 */
record CustomerRequest(
		// "access-log" would be hidden behind GET /api/customers/access-log
		@NotNull(message = "{constraint.required}") @Pattern(regexp = "(?!access-log$)[A-Za-z0-9._-]{1,64}",
				message = "{constraint.customerId}") String customerId,
		@NotBlank @Size(max = 200) @PlainText String name,
		@NotNull(message = "{constraint.required}") @EnumName(CustomerType.class) String type,
		@NotBlank @Size(max = 64) @PlainText String department,
		@Pattern(regexp = "(\\+?[0-9][0-9 ()-]{4,38})?", message = "{constraint.phone}") String contactPhone,
		@Size(max = 400) @PlainText(multiline = true) String address, @Email @Size(max = 200) @PlainText String email,
		@PositiveOrZero @DecimalMax(value = "1000000000000", message = "{constraint.annualVolume.max}")
		@Digits(integer = 13, fraction = 2) BigDecimal annualVolume,
		@PositiveOrZero Integer defaultCount, Boolean confidential,
		// POLICY §8: the tier at admission is decided by the client-tier table and the quotas, never typed in
		@Null(message = "{constraint.tier.decided}") String tier) {

	NewCustomer toNewCustomer(String admittedBy) {
		return new NewCustomer(this.customerId, this.name.strip(), CustomerType.valueOf(this.type),
				this.department.strip(), text(this.contactPhone), text(this.address), text(this.email),
				this.annualVolume, (this.defaultCount != null) ? this.defaultCount : 0,
				null, Boolean.TRUE.equals(this.confidential),
				admittedBy);
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
