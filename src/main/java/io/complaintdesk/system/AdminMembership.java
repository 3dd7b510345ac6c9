package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the configured administrator ({@code camunda.bpm.admin-user.id}) a direct member of
 * {@code camunda-admin} at every start (CVE-2026-77226: a group without direct members reopens
 * Admin's first-run setup; {@link AdminSetupGuard} refuses it as well). Camunda's starter adds the
 * membership only when it creates the user, so a membership removed later in Admin is restored here.
 */
@Component
class AdminMembership {

	private static final Logger log = LoggerFactory.getLogger(AdminMembership.class);

	private final IdentityService identity;

	private final CamundaBpmProperties camunda;

	AdminMembership(IdentityService identity, CamundaBpmProperties camunda) {
		this.identity = identity;
		this.camunda = camunda;
	}

	@EventListener(ApplicationStartedEvent.class)
	void ensureDirectMember() {
		String admin = this.camunda.getAdminUser() != null ? this.camunda.getAdminUser().getId() : null;
		if (admin == null || admin.isBlank()) {
			if (this.identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() == 0) {
				log.warn("No direct member in group {} and no camunda.bpm.admin-user configured", Groups.ADMINS);
			}
			return;
		}
		if (this.identity.createUserQuery().userId(admin).count() == 0) {
			return;
		}
		if (this.identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
			var group = this.identity.newGroup(Groups.ADMINS);
			group.setName("camunda BPM Administrators");
			group.setType("SYSTEM");
			this.identity.saveGroup(group);
		}
		if (this.identity.createUserQuery().userId(admin).memberOfGroup(Groups.ADMINS).count() == 0) {
			log.warn("Administrator {} was no direct member of {} any more: membership restored", admin, Groups.ADMINS);
			this.identity.createMembership(admin, Groups.ADMINS);
		}
	}

}
