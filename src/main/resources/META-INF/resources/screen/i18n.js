// Every visible string of the screen, one dictionary per language; Chinese by default.
const zh = {
  'app.title': '网格指挥大屏',
  'signin.user': '用户名', 'signin.password': '密码', 'signin.submit': '登录', 'signin.signout': '退出',
  'signin.tokenTitle': '使用身份提供方的令牌', 'signin.tokenHint': '粘贴访问令牌 (JWT)', 'signin.tokenSubmit': '使用令牌登录',
  'signin.failed': '登录失败：{detail}', 'signin.expired': '登录已失效，请重新登录',
  'scope.city': '全市', 'map.noCells': '此网格没有下级网格',
  'level.district': '区', 'level.street': '街道', 'level.community': '社区', 'level.grid': '网格',
  'events.title': '事件', 'events.category': '类别', 'events.cell': '网格', 'events.state': '状态',
  'events.severity': '预警', 'events.deadline': '办理时限', 'events.none': '当前范围内没有未结事件',
  'events.overdue': '超期 {time}', 'events.left': '剩余 {time}',
  'severity.GREEN': '绿', 'severity.YELLOW': '黄', 'severity.RED': '红',
  'state.REPORTED': '信息采集', 'state.REGISTERED': '已立案', 'state.REFUSED': '不予立案', 'state.MERGED': '已合并',
  'state.DISPATCHED': '已派遣', 'state.HANDLING': '处置中', 'state.FEEDBACK': '已反馈', 'state.CLOSED': '已结案',
  'state.EVALUATED': '已评价',
  'action.collect': '信息采集', 'action.register': '立案', 'action.refuse': '不予立案', 'action.merge': '合并',
  'action.dispatch': '派遣', 'action.accept': '接收', 'action.feedback': '反馈', 'action.close': '结案',
  'action.rework': '返工', 'action.evaluate': '评价', 'action.escalate': '升级', 'action.reassign': '改派',
  'action.send_back': '退回',
  'figures.today': '今日事件', 'figures.bySeverity': '按预警', 'figures.byState': '按状态', 'figures.overdue': '当前超期',
  'figures.onTime': '按期结案率', 'figures.rework': '返工率', 'figures.onDuty': '在岗网格员',
  'figures.devices': '设备在线 / 离线', 'figures.none': '—',
  'detail.title': '事件详情', 'detail.close': '关闭', 'detail.category': '类别', 'detail.cell': '网格',
  'detail.state': '状态', 'detail.severity': '预警', 'detail.level': '层级', 'detail.department': '部门',
  'detail.assignee': '处置人', 'detail.origin': '来源', 'detail.reporter': '报告人', 'detail.description': '描述',
  'detail.deadline': '办理时限', 'detail.created': '发现时间', 'detail.signals': '信号', 'detail.sources': '信号来源',
  'detail.alerts': '告警与确认', 'detail.alertStep': '第 {round} 轮第 {step} 步',
  'detail.alertAck': '{person} 经 {channel} 于 {time} 确认',
  'alerts.state.open': '等待确认', 'alerts.state.acked': '已确认', 'alerts.state.resolved': '已结束',
  'alerts.state.exhausted': '无人确认', 'alerts.kind.alert': '告警',
  'alerts.delivery.pending': '待发送', 'alerts.delivery.sending': '发送中', 'alerts.delivery.sent': '已送达',
  'alerts.delivery.retry': '待重试', 'alerts.delivery.dead': '发送失败', 'alerts.delivery.cancelled': '已取消',
  'detail.history': '处理记录', 'detail.photos': '照片', 'detail.note': '备注', 'detail.to': '派往 (dept-… / leader:… / person:…)',
  'detail.score': '评分 (1-5)', 'detail.severityNew': '预警 (可选)', 'detail.actions': '可执行的操作',
  'detail.noActions': '当前身份不能对此事件执行操作', 'detail.done': '已{action}',
  'live.on': '实时', 'live.off': '非实时', 'live.connecting': '连接中…',
  'problem.generic': '请求失败 ({status})',
  'caseLevel.cell': '网格', 'caseLevel.street': '街道', 'caseLevel.district': '区',
  'origin.rule': '自动发现', 'origin.report': '网格员上报', 'origin.hotline': '12345 热线', 'origin.dispatcher': '调度员',
  'role.admin': '管理员', 'role.dispatcher': '调度员', 'role.supervisor': '监督员', 'role.handler': '处置部门',
  'role.leader': '网格长', 'role.worker': '网格员', 'role.screen': '大屏', 'role.service': '服务账号',
  'alerts.title': '告警', 'alerts.ack': '确认', 'alerts.ackBy': '请在 {time} 内确认', 'alerts.late': '确认已超时 {time}',
  'alerts.offline': '告警连接已断开，正在重连', 'alerts.reason.raised': '新事件', 'alerts.reason.severity': '预警升级',
  'alerts.reason.overdue': '事件超期', 'alerts.reason.reopened': '事件返工', 'alerts.kind.reminder': '已转下一责任人',
  'alerts.kind.update': '新增事件', 'alerts.status.acked': '已确认', 'alerts.status.already_acked': '已有人确认',
  'alerts.status.not_recipient': '此告警未发给您', 'alerts.status.unknown_alert': '告警不存在', 'alerts.status.ended': '告警已结束',
};

const en = {
  'app.title': 'Grid Command Screen',
  'signin.user': 'User', 'signin.password': 'Password', 'signin.submit': 'Sign in', 'signin.signout': 'Sign out',
  'signin.tokenTitle': 'Use a token from your identity provider', 'signin.tokenHint': 'Paste an access token (JWT)',
  'signin.tokenSubmit': 'Sign in with token',
  'signin.failed': 'Sign-in failed: {detail}', 'signin.expired': 'Your sign-in has expired; please sign in again',
  'scope.city': 'City', 'map.noCells': 'This cell has no cells under it',
  'level.district': 'District', 'level.street': 'Street', 'level.community': 'Community', 'level.grid': 'Base cell',
  'events.title': 'Events', 'events.category': 'Category', 'events.cell': 'Cell', 'events.state': 'State',
  'events.severity': 'Severity', 'events.deadline': 'Deadline', 'events.none': 'No open events in this scope',
  'events.overdue': 'overdue {time}', 'events.left': '{time} left',
  'severity.GREEN': 'Green', 'severity.YELLOW': 'Yellow', 'severity.RED': 'Red',
  'state.REPORTED': 'Reported', 'state.REGISTERED': 'Registered', 'state.REFUSED': 'Refused', 'state.MERGED': 'Merged',
  'state.DISPATCHED': 'Dispatched', 'state.HANDLING': 'Handling', 'state.FEEDBACK': 'Feedback', 'state.CLOSED': 'Closed',
  'state.EVALUATED': 'Evaluated',
  'action.collect': 'Collect', 'action.register': 'Register', 'action.refuse': 'Refuse', 'action.merge': 'Merge',
  'action.dispatch': 'Dispatch', 'action.accept': 'Accept', 'action.feedback': 'Feedback', 'action.close': 'Close',
  'action.rework': 'Rework', 'action.evaluate': 'Evaluate', 'action.escalate': 'Escalate', 'action.reassign': 'Reassign',
  'action.send_back': 'Send back',
  'figures.today': 'Events today', 'figures.bySeverity': 'By severity', 'figures.byState': 'By state',
  'figures.overdue': 'Overdue now', 'figures.onTime': 'On-time closing rate', 'figures.rework': 'Rework rate',
  'figures.onDuty': 'Workers on duty', 'figures.devices': 'Devices online / offline', 'figures.none': '—',
  'detail.title': 'Event detail', 'detail.close': 'Close', 'detail.category': 'Category', 'detail.cell': 'Cell',
  'detail.state': 'State', 'detail.severity': 'Severity', 'detail.level': 'Level', 'detail.department': 'Department',
  'detail.assignee': 'Handler', 'detail.origin': 'Origin', 'detail.reporter': 'Reporter', 'detail.description': 'Description',
  'detail.deadline': 'Deadline', 'detail.created': 'Raised', 'detail.signals': 'Signals', 'detail.sources': 'Sources',
  'detail.alerts': 'Alerts and acknowledgements', 'detail.alertStep': 'round {round}, step {step}',
  'detail.alertAck': 'acknowledged by {person} over {channel} at {time}',
  'alerts.state.open': 'waiting for an ack', 'alerts.state.acked': 'acknowledged', 'alerts.state.resolved': 'ended',
  'alerts.state.exhausted': 'nobody answered', 'alerts.kind.alert': 'alert',
  'alerts.delivery.pending': 'to send', 'alerts.delivery.sending': 'sending', 'alerts.delivery.sent': 'sent',
  'alerts.delivery.retry': 'to retry', 'alerts.delivery.dead': 'failed', 'alerts.delivery.cancelled': 'cancelled',
  'detail.history': 'History', 'detail.photos': 'Photos', 'detail.note': 'Note', 'detail.to': 'To (dept-… / leader:… / person:…)',
  'detail.score': 'Score (1-5)', 'detail.severityNew': 'Severity (optional)', 'detail.actions': 'Steps you may take',
  'detail.noActions': 'Your sign-in takes no step on this event', 'detail.done': '{action}: done',
  'live.on': 'Live', 'live.off': 'Not live', 'live.connecting': 'Connecting…',
  'problem.generic': 'Request failed ({status})',
  'caseLevel.cell': 'Cell', 'caseLevel.street': 'Street', 'caseLevel.district': 'District',
  'origin.rule': 'Detected', 'origin.report': 'Grid worker', 'origin.hotline': 'Hotline 12345', 'origin.dispatcher': 'Dispatcher',
  'role.admin': 'Admin', 'role.dispatcher': 'Dispatcher', 'role.supervisor': 'Supervisor', 'role.handler': 'Department',
  'role.leader': 'Cell leader', 'role.worker': 'Grid worker', 'role.screen': 'Screen', 'role.service': 'Service',
  'alerts.title': 'Alerts', 'alerts.ack': 'Acknowledge', 'alerts.ackBy': 'Acknowledge within {time}',
  'alerts.late': 'Acknowledgement overdue {time}', 'alerts.offline': 'Alerts disconnected; reconnecting',
  'alerts.reason.raised': 'New event', 'alerts.reason.severity': 'Severity raised', 'alerts.reason.overdue': 'Event overdue',
  'alerts.reason.reopened': 'Event reopened', 'alerts.kind.reminder': 'passed to the next person',
  'alerts.kind.update': 'more events', 'alerts.status.acked': 'Acknowledged', 'alerts.status.already_acked': 'Already acknowledged',
  'alerts.status.not_recipient': 'This alert was not sent to you', 'alerts.status.unknown_alert': 'No such alert',
  'alerts.status.ended': 'The alert has ended',
};

const dictionaries = { zh, en };
const listeners = [];
let lang = sessionStorage.getItem('grid.lang') === 'en' ? 'en' : 'zh';

export function language() {
  return lang;
}

/** The text of a key in the current language, {name} replaced from params. */
export function t(key, params = {}) {
  const text = dictionaries[lang][key] ?? dictionaries.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** Fills every data-i18n element (text) and data-i18n-placeholder element (placeholder) under root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
}

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh';
  sessionStorage.setItem('grid.lang', lang);
  translate();
  listeners.forEach(fn => fn(lang));
}

export function onLanguage(fn) {
  listeners.push(fn);
}

/** A duration in ms as h:mm:ss (or d h) for countdowns. */
export function duration(ms) {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = n => String(n).padStart(2, '0');
  return d > 0 ? `${d}d ${h}h` : `${h}:${pad(m)}:${pad(sec)}`;
}

export function time(ms) {
  return ms == null ? '' : new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}
