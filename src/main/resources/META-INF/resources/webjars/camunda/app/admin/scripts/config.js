// Admin configuration of the complaint desk. It replaces the default config.js of the Camunda
// webapp webjar (same path on the classpath, and the application's own resources come first); the
// default defines no option (all of them are commented out there), so only the desk's are here.
//
// locales: the staff are Chinese. Admin picks the first language of the browser (only its
// language part: zh-CN → zh) when it is listed here, otherwise the fallback: a Chinese browser
// gets locales/zh.json, an English one locales/en.json (the webjar's), any other Chinese.
//
// The "It is time to migrate to Camunda 8" banner (.ce-eol-banner; no option turns it off) is
// hidden by ../styles/user-styles.css, the per-app stylesheet Camunda loads for customisations.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
