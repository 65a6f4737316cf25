/*
 * ComplaintFlow: the SLA dashboard in Cockpit (listed in customScripts of config.js beside this file).
 *
 * Two plugins: one on the Cockpit start page (cockpit.dashboard) with the figures of all open complaints, one as a tab
 * of the complaint handling process definition (cockpit.processDefinition.runtime.tab) with the figures of that
 * version. Both read GET /api/staff/sla/overview with the Cockpit login (the webapp session; see
 * WebappSessionAuthentication), so they show exactly what the staff API answers. Plain DOM, no build step.
 */

const HANDLING_PROCESS = 'ComplaintHandlingProcess';
const REFRESH_MS = 60 * 1000;

const TEXTS = {
  zh: {
    title: '投诉服务水平(SLA)',
    titleVersion: '本版本的投诉服务水平(SLA)',
    open: '未结投诉',
    ON_TRACK: '正常',
    WARNED: '预警',
    BREACHED: '已超时',
    PAUSED: '暂停计时',
    dueSoon: (h) => `${h} 小时内到期`,
    escalations: '升级情况(未结投诉)',
    SUPERVISOR: '已升级至主管',
    MANAGER: '已升级至经理',
    DIRECTOR: '已升级至总监',
    departments: (days) => `各部门回复及时率(近 ${days} 天)`,
    department: '部门',
    inquiries: '问询',
    replied: '已回复',
    repliedOnTime: '按时回复',
    overdueOpen: '逾期未回复',
    onTimeRate: '回复及时率',
    noneDue: '—',
    breachedList: '已超时的投诉',
    breachedMore: (shown, total) => `(显示最紧急的 ${shown} 件,共 ${total} 件)`,
    noneBreached: '没有超时的投诉。',
    ticket: '工单号',
    customer: '客户',
    clock: '超时项',
    FIRST_RESPONSE: '首次响应',
    RESOLUTION: '解决',
    dueAt: '到期时间',
    level: '升级级别',
    status: '状态',
    instance: '流程实例',
    openInstance: '查看',
    asOf: '统计时间',
    refresh: '刷新',
    loading: '正在加载…',
    forbidden: '您没有查看服务水平概览的权限(需客服主管、经理、总监或流程负责人)。',
    failed: '服务水平概览加载失败',
    notHandling: '服务水平概览只适用于投诉处理流程(ComplaintHandlingProcess)。',
    tabLabel: '服务水平'
  },
  en: {
    title: 'Complaint service levels (SLA)',
    titleVersion: 'Complaint service levels (SLA) of this version',
    open: 'Open complaints',
    ON_TRACK: 'On track',
    WARNED: 'Warned',
    BREACHED: 'Breached',
    PAUSED: 'Paused',
    dueSoon: (h) => `Due within ${h} h`,
    escalations: 'Escalations (open complaints)',
    SUPERVISOR: 'Escalated to supervisor',
    MANAGER: 'Escalated to manager',
    DIRECTOR: 'Escalated to director',
    departments: (days) => `Department reply on-time rate (last ${days} days)`,
    department: 'Department',
    inquiries: 'Inquiries',
    replied: 'Replied',
    repliedOnTime: 'On time',
    overdueOpen: 'Overdue, unanswered',
    onTimeRate: 'On-time rate',
    noneDue: '—',
    breachedList: 'Breached complaints',
    breachedMore: (shown, total) => `(the ${shown} most overdue of ${total})`,
    noneBreached: 'No breached complaints.',
    ticket: 'Ticket',
    customer: 'Customer',
    clock: 'Clock',
    FIRST_RESPONSE: 'First response',
    RESOLUTION: 'Resolution',
    dueAt: 'Due',
    level: 'Escalation',
    status: 'Status',
    instance: 'Process instance',
    openInstance: 'Open',
    asOf: 'As of',
    refresh: 'Refresh',
    loading: 'Loading…',
    forbidden: 'You may not see the SLA overview (supervisors, managers, directors and process owners may).',
    failed: 'The SLA overview could not be loaded',
    notHandling: 'The SLA overview applies to the complaint handling process (ComplaintHandlingProcess) only.',
    tabLabel: 'SLA'
  }
};

const DEPARTMENTS_EN = {
  QUALITY: 'Quality', PRODUCT: 'Product', BILLING: 'Billing', LOGISTICS: 'Logistics',
  CUSTOMER_SERVICE: 'Customer service'
};
const LEVELS = ['SUPERVISOR', 'MANAGER', 'DIRECTOR'];
const STATES = ['ON_TRACK', 'WARNED', 'BREACHED', 'PAUSED'];

/** Cockpit's own choice: the language part of the browser's first language if available (zh, en), else Chinese. */
function language() {
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'zh';
  return preferred.toLowerCase().split('-')[0] === 'en' ? 'en' : 'zh';
}

/** The application's root: Cockpit runs under <root>/camunda/app/cockpit/, the staff API under <root>/api/. */
function applicationRoot() {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '');
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function installStyles() {
  if (document.getElementById('cf-sla-styles')) {
    return;
  }
  const style = el('style', {id: 'cf-sla-styles'});
  style.textContent = `
    .cf-sla { padding: 10px 15px 20px; }
    .cf-sla h3 { margin: 0 0 10px; font-size: 18px; }
    .cf-sla h4 { margin: 18px 0 8px; font-size: 15px; }
    .cf-sla .cf-sla-meta { color: #666; font-size: 12px; margin-bottom: 10px; }
    .cf-sla .cf-sla-meta button { margin-left: 10px; }
    .cf-sla .cf-sla-cards { display: flex; flex-wrap: wrap; gap: 10px; }
    .cf-sla .cf-sla-card { min-width: 120px; padding: 10px 14px; border: 1px solid #ddd; border-radius: 4px;
      background: #fff; }
    .cf-sla .cf-sla-card .cf-sla-value { display: block; font-size: 28px; font-weight: bold; line-height: 1.2; }
    .cf-sla .cf-sla-card .cf-sla-label { display: block; color: #555; }
    .cf-sla .cf-sla-ON_TRACK { border-left: 6px solid #3c8d2f; }
    .cf-sla .cf-sla-WARNED { border-left: 6px solid #e5a000; }
    .cf-sla .cf-sla-BREACHED { border-left: 6px solid #b5152b; }
    .cf-sla .cf-sla-PAUSED { border-left: 6px solid #888; }
    .cf-sla .cf-sla-dueSoon { border-left: 6px solid #1f6fb5; }
    .cf-sla table { border-collapse: collapse; width: 100%; max-width: 1100px; background: #fff; }
    .cf-sla th, .cf-sla td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
    .cf-sla td.cf-sla-number { text-align: right; }
    .cf-sla .cf-sla-error { color: #b5152b; }
  `;
  document.head.appendChild(style);
}

function formatTime(iso, lang) {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
  }).format(new Date(iso));
}

function percent(rate) {
  return rate === undefined || rate === null ? null : `${(rate * 100).toFixed(1)}%`;
}

function card(name, label, value) {
  return el('div', {class: `cf-sla-card cf-sla-${name}`, 'data-sla': name},
    el('span', {class: 'cf-sla-value'}, value),
    el('span', {class: 'cf-sla-label'}, label));
}

function render(node, overview, t, lang, reload, forVersion) {
  const days = Math.round((new Date(overview.departmentReplies.to) - new Date(overview.departmentReplies.from))
    / 86400000);
  const cards = el('div', {class: 'cf-sla-cards', 'data-sla-section': 'states'},
    card('open', t.open, overview.open),
    STATES.map((state) => card(state, t[state], overview.byState[state])),
    card('dueSoon', t.dueSoon(overview.dueSoon.withinHours), overview.dueSoon.count));
  const escalations = el('div', {class: 'cf-sla-cards', 'data-sla-section': 'escalations'},
    LEVELS.map((level) => card(level, t[level], overview.escalations[level])));

  const departments = el('table', {'data-sla-section': 'departments'},
    el('thead', {}, el('tr', {},
      [t.department, t.inquiries, t.replied, t.repliedOnTime, t.overdueOpen, t.onTimeRate].map((h) => el('th', {}, h)))),
    el('tbody', {}, overview.departmentReplies.departments.map((d) => el('tr', {'data-department': d.department},
      el('td', {}, lang === 'en' ? (DEPARTMENTS_EN[d.department] || d.department) : d.title),
      el('td', {class: 'cf-sla-number'}, d.inquiries),
      el('td', {class: 'cf-sla-number'}, d.replied),
      el('td', {class: 'cf-sla-number'}, d.repliedOnTime),
      el('td', {class: 'cf-sla-number'}, d.overdueOpen),
      el('td', {class: 'cf-sla-number', 'data-sla': 'onTimeRate'}, percent(d.onTimeRate) || t.noneDue)))));

  const breached = overview.breached.complaints;
  const list = breached.length === 0
    ? el('p', {'data-sla-section': 'breached'}, t.noneBreached)
    : el('table', {'data-sla-section': 'breached'},
      el('thead', {}, el('tr', {},
        [t.ticket, t.customer, t.clock, t.dueAt, t.level, t.status, t.instance].map((h) => el('th', {}, h)))),
      el('tbody', {}, breached.map((c) => el('tr', {'data-ticket': c.ticket},
        el('td', {}, c.ticket),
        el('td', {}, c.customerName),
        el('td', {}, t[c.clock] || c.clock),
        el('td', {}, formatTime(c.dueAt, lang)),
        el('td', {}, c.escalationLevel ? t[c.escalationLevel] : ''),
        el('td', {}, lang === 'en' ? c.status : c.statusText),
        el('td', {}, c.processInstanceId
          ? el('a', {href: `#/process-instance/${encodeURIComponent(c.processInstanceId)}/runtime`,
            'data-process-instance': c.processInstanceId}, t.openInstance)
          : '')))));

  const refresh = el('button', {type: 'button', class: 'btn btn-default btn-xs'}, t.refresh);
  refresh.addEventListener('click', reload);

  node.replaceChildren(el('section', {class: 'cf-sla', 'data-sla-dashboard': forVersion ? 'version' : 'all'},
    el('h3', {}, forVersion ? t.titleVersion : t.title),
    el('div', {class: 'cf-sla-meta'}, `${t.asOf} ${formatTime(overview.at, lang)}`, refresh),
    cards,
    el('h4', {}, t.escalations),
    escalations,
    el('h4', {}, t.departments(days)),
    departments,
    el('h4', {}, t.breachedList, ' ',
      breached.length < overview.breached.total ? t.breachedMore(breached.length, overview.breached.total) : ''),
    list));
}

/** Shows the overview in node, refreshing it every minute until stopped; returns the function that stops it. */
function mount(node, processDefinitionId) {
  installStyles();
  const lang = language();
  const t = TEXTS[lang];
  let timer = null;
  let stopped = false;

  const load = () => {
    if (stopped) {
      return;
    }
    const query = processDefinitionId ? `?processDefinitionId=${encodeURIComponent(processDefinitionId)}` : '';
    fetch(`${applicationRoot()}/api/staff/sla/overview${query}`, {
      credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN'}
    }).then((response) => {
      if (response.status === 401 || response.status === 403) {
        throw new Error(t.forbidden);
      }
      if (!response.ok) {
        throw new Error(`${t.failed} (HTTP ${response.status})`);
      }
      return response.json();
    }).then((overview) => {
      if (!stopped) {
        render(node, overview, t, lang, load, Boolean(processDefinitionId));
      }
    }).catch((error) => {
      if (!stopped) {
        node.replaceChildren(el('section', {class: 'cf-sla'}, el('h3', {}, t.title),
          el('p', {class: 'cf-sla-error', 'data-sla-error': 'true'}, error.message || t.failed)));
      }
    });
  };

  node.replaceChildren(el('section', {class: 'cf-sla'}, el('p', {}, t.loading)));
  load();
  timer = setInterval(load, REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

let stopDashboard = null;
let stopTab = null;

export default [
  {
    id: 'complaintflow.slaDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      if (stopDashboard) {
        stopDashboard();
      }
      stopDashboard = mount(node, null);
    },
    unmount: () => {
      if (stopDashboard) {
        stopDashboard();
        stopDashboard = null;
      }
    }
  },
  {
    id: 'complaintflow.slaDashboardTab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    // after Cockpit's own tabs: a definition still opens on its process instances
    priority: -10,
    properties: {
      label: TEXTS[language()].tabLabel
    },
    render: (node, {processDefinitionId}) => {
      if (stopTab) {
        stopTab();
        stopTab = null;
      }
      if (!processDefinitionId || processDefinitionId.split(':')[0] !== HANDLING_PROCESS) {
        installStyles();
        node.replaceChildren(el('section', {class: 'cf-sla'}, el('p', {}, TEXTS[language()].notHandling)));
        return;
      }
      stopTab = mount(node, processDefinitionId);
    },
    unmount: () => {
      if (stopTab) {
        stopTab();
        stopTab = null;
      }
    }
  }
];
