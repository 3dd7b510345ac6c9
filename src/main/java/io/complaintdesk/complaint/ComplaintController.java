package io.complaintdesk.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.complaintdesk.complaint.CaseQuery.CaseView;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;
import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.PlainText;

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

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RegisteredComplaint register(@Valid @RequestBody ComplaintRequest request) {
		return this.intake.register(request.toNewComplaint());
	}

	@GetMapping("/{caseNumber}")
	CaseView find(@PathVariable @Size(max = 32) @PlainText String caseNumber) {
		return this.cases.find(caseNumber)
			.orElseThrow(() -> ApiRefusal.notFound("api.complaint.notFound", caseNumber));
	}

}
