// Tasklist configuration of the complaint desk. It replaces the default config.js of the Camunda
// webapp webjar (same path on the classpath, and the application's own resources come first), so
// it repeats what the default defines (the keyboard shortcuts) and sets every option Tasklist
// documents for app/tasklist/scripts/config.js that the desk needs.
//
// locales: the staff are Chinese. Tasklist picks the first language of the browser (only its
// language part: zh-CN → zh) when it is listed here, otherwise the fallback: a Chinese browser
// gets locales/zh.json, an English one locales/en.json (the webjar's), any other Chinese.
//
// Noise out of the staff's way:
// - the "It is time to migrate to Camunda 8" banner (.ce-eol-banner, shown by every Camunda 7.24
//   CE web app; no option turns it off) is hidden by ../styles/user-styles.css, the per-app
//   stylesheet Camunda loads for customisations;
// - the "创建任务" (Create task) link is shown only to users who may create free-standing tasks
//   (CREATE on Task, or access to Admin): scripts/complaint-desk/create-task.js;
// - the "启动流程" (Start process) link is hidden from users who may start no process in Tasklist
//   (brand and legal): scripts/complaint-desk/start-process.js.
//
// - the tab "案件" next to each task's form shows the case file of its complaint:
//   scripts/complaint-desk/case-tab.js (plugin point tasklist.task.detail).
//
// customScripts: modules Tasklist imports at start, as paths under app/tasklist/ without ".js".
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  customScripts: [
    // form-js validation messages in Chinese (patterns described, never shown), no raw ids in toasts
    'scripts/complaint-desk/form-messages',
    // hides "创建任务" from users who may not create tasks
    'scripts/complaint-desk/create-task',
    // hides "启动流程" from users who may start no process (the engine's list for them is empty)
    'scripts/complaint-desk/start-process',
    // 登记投诉 in the header: the complaint start form in one click, for those who may start it
    'scripts/complaint-desk/register-complaint',
    // no Complete kept disabled by the error of a field a condition has hidden
    'scripts/complaint-desk/hidden-field-errors',
    // after 启动: the new case's number and close-by date, until dismissed
    'scripts/complaint-desk/start-notice',
    // after 完成: the case's next task the user may work, claimed and opened with 继续办理
    'scripts/complaint-desk/next-task',
    // the start form's 客户编号 fills name, type and phone and shows tier and blacklist
    'scripts/complaint-desk/customer-lookup',
    // list items with 一级/二级/三级, 重大, the client tier, the due date, 认领 (claim and open);
    // the header in queue order
    'scripts/complaint-desk/task-list',
    // toasts at most 8 s, away from the form's buttons, without ids
    'scripts/complaint-desk/notifications',
    // 退出 beside the user name, one click
    'scripts/complaint-desk/logout',
    // the tab "案件" on every task: the case file (summary, timeline, notes, attachments, search)
    'scripts/complaint-desk/case-tab'
  ],
  // the webjar's default shortcuts, described in Chinese (Tasklist shows them in its shortcut help)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
