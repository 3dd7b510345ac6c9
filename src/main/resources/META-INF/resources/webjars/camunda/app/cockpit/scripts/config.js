// Cockpit configuration of the complaint desk. It replaces the default config.js of the Camunda
// webapp webjar (same path on the classpath, and the application's own resources come first), so
// every option Cockpit documents for app/cockpit/scripts/config.js can be set here.
//
// customScripts: plugins Cockpit imports at start, as paths under app/cockpit/ without ".js".
// Served by the Spring Boot starter from /camunda/app/cockpit/scripts/...
export default {
  customScripts: [
    // the "Complaint desk" dashboard (plugin point cockpit.dashboard): figures from GET /api/reports/dashboard
    'scripts/complaint-desk/dashboard'
  ]
};
