// Cockpit configuration of the complaint desk. It replaces the default config.js of the Camunda
// webapp webjar (same path on the classpath, and the application's own resources come first), so
// every option Cockpit documents for app/cockpit/scripts/config.js can be set here (the default
// defines none: all of its options are commented out).
//
// locales: the staff are Chinese. Cockpit picks the first language of the browser (only its
// language part: zh-CN → zh) when it is listed here, otherwise the fallback: a Chinese browser
// gets locales/zh.json, an English one locales/en.json (the webjar's), any other Chinese.
//
// The "It is time to migrate to Camunda 8" banner (.ce-eol-banner; no option turns it off) is
// hidden by ../styles/user-styles.css, the per-app stylesheet Camunda loads for customisations.
//
// customScripts: plugins Cockpit imports at start, as paths under app/cockpit/ without ".js".
// Served by the Spring Boot starter from /camunda/app/cockpit/scripts/...
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: [
    // the "投诉受理台" (Complaint desk) dashboard (plugin point cockpit.dashboard): figures from
    // GET /api/reports/dashboard, in the language Cockpit shows
    'scripts/complaint-desk/dashboard',
    // hides the variable edit/delete/add buttons from people who may only read (and says so)
    'scripts/complaint-desk/read-only'
  ]
};
