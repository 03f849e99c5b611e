// The curl examples of the seed doc pages (shared/seeds/), copied verbatim; seeds.test.mjs replays them with only
// the host, user, webhook code, token and ids substituted, and, when the seed files are at hand (B24_SEEDS_DIR),
// first checks that each copy still appears in its file. `resultKeys` are the keys of the page's success example
// (`result`); the pages nest `time` inside `result`, a doc defect (bitrix-tasks-api.md §13): `time` is top-level.

// The keys of `result.task` in the success examples of 000, 003 and 004 (the same 70 on each page).
export const seedTaskKeys = [
  'id', 'parentId', 'title', 'description', 'mark', 'priority', 'multitask', 'notViewed', 'replicate', 'stageId',
  'sprintId', 'backlogId', 'createdBy', 'createdDate', 'responsibleId', 'changedBy', 'changedDate',
  'statusChangedBy', 'closedBy', 'closedDate', 'activityDate', 'dateStart', 'deadline', 'startDatePlan',
  'endDatePlan', 'guid', 'xmlId', 'commentsCount', 'serviceCommentsCount', 'allowChangeDeadline',
  'allowTimeTracking', 'taskControl', 'addInReport', 'forkedByTemplateId', 'timeEstimate', 'timeSpentInLogs',
  'matchWorkTime', 'forumTopicId', 'forumId', 'siteId', 'subordinate', 'exchangeModified', 'exchangeId',
  'outlookVersion', 'viewedDate', 'sorting', 'durationFact', 'isMuted', 'isPinned', 'isPinnedInGroup', 'flowId',
  'descriptionInBbcode', 'status', 'statusChangedDate', 'durationPlan', 'durationType', 'favorite', 'groupId',
  'auditors', 'accomplices', 'checklist', 'group', 'creator', 'responsible', 'accomplicesData', 'auditorsData',
  'newCommentsCount', 'action', 'checkListTree', 'checkListCanAdd'
]

export const seedCurls = [
  // 000_2cf26d2f1098a5f4.txt: tasks.task.defer (English), "cURL (Webhook)"
  {
    file: '000_2cf26d2f1098a5f4.txt', method: 'tasks.task.defer', form: 'webhook', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":1}' \\
    https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/tasks.task.defer`
  },
  // 000_2cf26d2f1098a5f4.txt: tasks.task.defer, "cURL (OAuth)"
  {
    file: '000_2cf26d2f1098a5f4.txt', method: 'tasks.task.defer', form: 'oauth', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":1,"auth":"**put_access_token_here**"}' \\
    https://**put_your_bitrix24_address**/rest/tasks.task.defer`
  },
  // 001_8ff194f8ab6a8fff.txt and 002_9a7353a9aba832c4.txt: task.item.defer (deprecated), webhook form.
  // The pages show no success example; the method's result is null (bitrix-task-semantics.md §5).
  {
    file: '001_8ff194f8ab6a8fff.txt', method: 'task.item.defer', form: 'webhook', result: null,
    curl: `curl -X POST \\
        -H "Content-Type: application/json" \\
        -H "Accept: application/json" \\
        -d '{"TASKID":13}' \\
        https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/task.item.defer`
  },
  // 001_8ff194f8ab6a8fff.txt: task.item.defer, OAuth form
  {
    file: '001_8ff194f8ab6a8fff.txt', method: 'task.item.defer', form: 'oauth', result: null,
    curl: `curl -X POST \\
        -H "Content-Type: application/json" \\
        -H "Accept: application/json" \\
        -d '{"TASKID":13,"auth":"**put_access_token_here**"}' \\
        https://**put_your_bitrix24_address**/rest/task.item.defer`
  },
  // 003_2b7909b16d753db1.txt: tasks.task.delegate, "cURL (Webhook)"
  {
    file: '003_2b7909b16d753db1.txt', method: 'tasks.task.delegate', form: 'webhook', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":8017,"userId":547}' \\
    https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/tasks.task.delegate`
  },
  // 003_2b7909b16d753db1.txt: tasks.task.delegate, "cURL (OAuth)"
  {
    file: '003_2b7909b16d753db1.txt', method: 'tasks.task.delegate', form: 'oauth', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":8017,"userId":547,"auth":"**put_access_token_here**"}' \\
    https://**put_your_bitrix24_address**/rest/tasks.task.delegate`
  },
  // 004_8a0634bf9a2a5ae7.txt: tasks.task.disapprove (Russian page), "cURL (Webhook)" ("webbhook" as the page spells it)
  {
    file: '004_8a0634bf9a2a5ae7.txt', method: 'tasks.task.disapprove', form: 'webhook', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":8017}' \\
    https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webbhook_here**/tasks.task.disapprove`
  },
  // 004_8a0634bf9a2a5ae7.txt: tasks.task.disapprove, "cURL (OAuth)"
  {
    file: '004_8a0634bf9a2a5ae7.txt', method: 'tasks.task.disapprove', form: 'oauth', resultKeys: ['task', 'time'],
    curl: `curl -X POST \\
    -H "Content-Type: application/json" \\
    -H "Accept: application/json" \\
    -d '{"taskId":8017,"auth":"**put_access_token_here**"}' \\
    https://**put_your_bitrix24_address**/rest/tasks.task.disapprove`
  }
]
