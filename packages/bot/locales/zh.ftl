# 中文（默认）。Labels of the official format are not here: they come from the domain catalog.

help =
    <b>政府信息公开申请登记机器人</b>
    /new 或「登记」「新收」：登记新申请，如 <code>/new 自然人 2026-11-20</code>
    /close 或「办结」：记录办理结果，如 <code>办结 12 不予公开 国家秘密</code>
    /more 编号：补正、征求意见、延期、收费等其他事项
    /edit 编号 或「更正」「补充」：补充或更正申请内容、申请人，如 <code>更正 12 申请人 张三</code>
    /undo：撤销自己 24 小时内的最后一条记录
    /summary [年度] 或「统计」：本年累计
    /report [年度] 或「年报」：年度报告第三部分及检查结果
    /pending 或「在办」：在办申请及答复期限
    /agency 或「机关」：在多个机关登记时，切换当前机关
    /lang zh|en：切换语言
    /cancel 或「取消」：放弃当前操作
    /web 或「网页」：获取网页控制台的一次性登录链接

not-linked =
    您好！此机器人仅供已登记的工作人员使用，您的账号尚未关联。
    请向本机关管理员索取邀请码，然后发送 <code>/start 邀请码</code>。
not-linked-short = 您的账号尚未关联，请先发送 /start 邀请码。
linked = ✅ 已关联：{ $name }，{ $agency }（{ $role }）。
welcome-back = 欢迎回来，{ $name }（{ $agency }）。
role-clerk = 经办人
role-manager = 管理人员
role-admin = 系统管理员

awaiting-hint = （发送 /cancel 可放弃当前操作）
cancelled = 已取消，未作任何记录。
btn-cancel = ✖ 取消
btn-back = ‹ 返回
btn-skip = 跳过
btn-confirm-new = ✅ 确认登记
btn-confirm-close = ✅ 确认办结
btn-confirm-more = ✅ 确认记录
btn-confirm-undo = ✅ 确认撤销
day-today = 今天
day-yesterday = 昨天
day-before-yesterday = 前天
channel-none = 未填写

new-ask-type = 登记新申请：请选择申请人类型。
new-ask-date = 申请人：{ $type }。请选择收到申请的日期，或直接输入日期（如 2026-11-20、11月20日）。
new-ask-channel = 申请人：{ $type }，收到日期：{ $date }。请选择收件渠道（可跳过）。
new-ask-channel-first = 申请人：{ $type }。请选择收件渠道（可跳过）：收到申请之日按渠道确定（第三十一条）。
new-ask-date-rule =
    申请人：{ $type }，收件渠道：{ $channel }。
    <b>{ $question }</b>
    { $basis }
    请选择，或直接输入日期（如 2026-11-20、11月20日）。
new-card-rule = ℹ️ { $basis }日期不对可点下面的日期，或直接输入。
new-done-rule = 收到申请之日：{ $rule }
new-card =
    <b>请核对登记信息</b>
    机关：{ $agency }
    申请人类型：{ $type }
    收到日期：{ $date }
    收件渠道：{ $channel }
    申请内容：{ $subject }
    申请人：{ $applicant }
new-done = ✅ 已登记 <b>{ $title }</b>：{ $type }，{ $date } 收到。答复期限：<b>{ $dueDate }</b>。

close-usage = 用法：<code>/close 编号</code> 或 <code>办结 12 予以公开</code>。
close-none-open = 本机关目前没有在办申请。
close-ask-application = 在办申请 { $count } 件（显示 { $shown } 件），请选择要办结的申请：
close-ask-group = 第 { $number } 号：请选择办理结果。
close-ask-outcome = 第 { $number } 号 · { $group }：请选择具体情形。
close-ambiguous = 第 { $number } 号：您输入的结果可能是以下几种之一，请选择：
close-unknown-outcome = ⚠️ 未能识别您输入的办理结果，请从下面选择。
close-card =
    <b>请核对办结信息</b>
    机关：{ $agency }
    申请：{ $title }
    办理结果：{ $outcome }
    办结日期：{ $date }
    （其他日期可直接输入，如 11月20日）
close-done = ✅ { $title }已办结：{ $outcome }（{ $date }）。
ytd-line = 📊 { $year } 年累计：上年结转 { $carriedOver } · 新收 { $received } · 办结 { $concluded } · 在办 { $open } · 逾期 { $overdue }
no-such-application = ⚠️ 本机关没有第 { $number } 号申请，请核对编号（发送 /pending 查看在办申请）。
application-concluded = ⚠️ { $title }已于 { $date } 办结，不能再记录。

more-usage = 用法：<code>/more 编号</code>，如 <code>/more 12</code>。
more-ask-application = 在办申请 { $count } 件（显示 { $shown } 件），请选择：
more-ask-event = 第 { $number } 号：请选择要记录的事项。
more-ask-amount = 第 { $number } 号：请输入收费通知的金额（元），如 <code>120</code> 或 <code>35.50</code>。
more-bad-amount = ⚠️ “{ $text }”不是有效金额，请输入数字，如 120 或 35.50。
more-card =
    <b>请核对</b>
    机关：{ $agency }
    申请：{ $title }
    事项：{ $event } { $amount }
    日期：{ $date }
    （其他日期可直接输入）
more-done = ✅ { $title }已记录：{ $event }（{ $date }）。当前答复期限：{ $dueDate }。
event-correctionRequested = 要求补正
event-correctionReceived = 收到补正
event-consultationStartedThirdParty = 征求第三方意见
event-consultationStartedAgency = 征求其他机关意见
event-consultationEnded = 征求意见结束
event-extended = 延期答复
event-extended-days = 延期答复（{ $days } 个工作日）
more-extension-hint = （延长的工作日数也可直接输入，如 15个工作日；最多 { $max } 个工作日，第三十三条第二款）
event-feeNoticeIssued = 发出收费通知
event-feePaid = 申请人缴费

undo-nothing = 您没有可以撤销的记录。
undo-too-old = ⚠️ 您最后一条记录（{ $what }）已超过 24 小时，不能通过机器人撤销，请联系管理员更正。
undo-ask-reason = 撤销：{ $what }。请选择原因：
undo-reason-mistake = 录入错误
undo-reason-duplicate = 重复录入
undo-reason-wrongApplication = 记错了申请
undo-card =
    <b>请确认撤销</b>
    记录：{ $what }
    原因：{ $reason }
    （登记簿保留原记录和撤销记录，不会删除任何内容）
undo-done = ✅ 已撤销：{ $what }。
stale-undo = ⚠️ 此按钮对应的记录已不是您的最后一条记录，请重新发送 /undo。

summary-head = 📊 <b>{ $title }</b> · { $year } 年累计（截至 { $asOf }）
summary-counts = 上年结转 { $carriedOver } · 本年新收 { $received } · 办结 { $concluded } · 在办 { $open } · 逾期 { $overdue }
summary-groups = 办结情况：{ $groups }
summary-balanced = ✅ 勾稽关系平衡：{ $carriedOver } + { $received } = { $concluded } + { $open }
summary-unbalanced = ⚠️ 勾稽关系不平衡：{ $carriedOver } + { $received } ≠ { $concluded } + { $open }
summary-region = 区域 { $code } 合计
summary-agency-line = { $mark } { $name }：新收 { $received } · 办结 { $concluded } · 在办 { $open } · 逾期 { $overdue }
year-in-future = ⚠️ { $year } 年尚未开始。

report-head = 📄 <b>{ $agency }</b> { $year } 年度报告 · 三、收到和处理政府信息公开申请情况
report-no-findings = ✅ 检查未发现问题。
report-findings = 检查发现 { $count } 个问题：
report-document = { $year } 年度报告全文（HTML）
report-file-docx = 📝 Word 文件
report-file-pdf = 📕 PDF 文件
report-file-docx-caption = { $year } 年度报告（Word，可编辑）
report-file-pdf-caption = { $year } 年度报告（PDF）
report-region-button = 📊 区域 { $code } 汇总（各机关合计）
report-region-name = 区域 { $code } 汇总
report-region-none = 只有管理下属机关的负责人才能查看区域汇总。

pending-none = 本机关目前没有在办申请。
pending-head = 📋 { $agency } 在办申请 { $count } 件，其中逾期 { $overdue } 件：
pending-line = { $title } · { $type } · { $received } 收 · 期限 { $due }（剩 { $days } 个工作日）
pending-line-overdue = ⚠️ { $title } · { $type } · { $received } 收 · 期限 { $due }（已逾期 { $late } 个工作日）
pending-more = ……另有 { $more } 件未显示。

agency-only = 您只在 { $agency } 登记。
agency-ask = 当前机关：{ $agency }。请选择要登记的机关：
agency-set = ✅ 之后的登记和统计都在：{ $agency }。
agency-gone = 您已不在该机关登记，请重新发送 /agency。

lang-ask = 请选择语言 / Choose a language:
lang-set = ✅ 已切换为中文。

unknown-command = 不认识的命令 /{ $command }。发送 /help 查看可用命令。
unknown-text = 没有看懂。登记新申请请发送「登记」，记录结果请发送「办结 编号」，其他用法请发送 /help。

stale-malformed = 此按钮无法识别，请重新发送命令。
stale-forged = 此按钮的数据校验失败，未作任何记录。请重新发送命令。
stale-version = 此按钮来自旧版本的机器人，请重新发送命令。
stale-expired = 此按钮已过期，请重新发送命令。

error-api-down = ⚠️ 暂时无法连接登记系统，请稍后再试（问题已记录）。如果刚才是在确认，稍后再按一次同一个确认按钮即可，不会重复记录。
error-internal = ⚠️ 机器人出错了，本次操作可能未完成，问题已记录。请稍后再试或联系管理员。

btn-edit-subject = ✏️ 申请内容
btn-edit-applicant = ✏️ 申请人
ask-subject = 请输入申请内容（申请公开的信息），如 <code>2025年部门预算</code>。
ask-applicant = 请输入申请人姓名或名称，可加联系电话，如 <code>张三 13800000000</code>。
new-draft-gone = ⚠️ 这张登记卡片已过期，未作任何记录，请重新发送「登记」。
due-none = 暂无（尚未计算）
due-none-waiting = 暂无：等待申请人补正，收到补正后重新计算
due-none-paused = 暂停计算：征求意见或等待缴费期间不计入答复期限
due-none-concluded = 已办结，无答复期限
reading-note = 🗣 您说：“{ $text }”，理解如下：
undo-hint = 如有错误，可发送 /undo 撤销。
pending-provisional-note = （暂定）：该年度节假日安排尚未公布，期限按法定节假日推算，公布后可能调整。
pending-none-overdue = 本机关目前没有逾期的申请。
pending-head-overdue = ⚠️ { $agency } 在办申请 { $count } 件，其中逾期 { $overdue } 件：
application-concluded-undo = 这是您 24 小时内的最后一条记录，如需更正请发送 /undo 撤销。
application-concluded-admin = 如需更正，请联系本机关管理员。
btn-confirm-edit = ✅ 确认更正
edit-usage = 用法：<code>更正 编号</code>，或直接写明，如 <code>更正 12 申请人 张三</code>、<code>补充 12 内容 2025年预算</code>。
edit-choose = { $title }：请选择要补充或更正的内容。
edit-ask = { $title }：
edit-empty = ⚠️ 没有读到内容，请重新输入（发送 /cancel 可放弃）。
edit-card =
    <b>请核对更正</b>
    申请：{ $title }
    申请内容：{ $subjectWas } → { $subject }
    申请人：{ $applicantWas } → { $applicant }
    （原记录保留在登记系统的日志中，不会删除）
edit-done = ✅ 已更正：{ $title }。
close-outcome-read = 办理结果：{ $outcome }（选择申请后核对）
close-note-withdrawn = 说明：申请人撤回申请，按“（六）3.其他”统计。
close-note-referral = 说明：不属于本机关，已告知申请人向 { $to } 申请（按“本机关不掌握相关政府信息”统计）。
close-referral-unnamed = 有关机关
summary-answer-received = { $year } 年新收申请 <b>{ $n }</b> 件。
summary-answer-concluded = { $year } 年已办结 <b>{ $n }</b> 件。
summary-answer-open = 目前在办 <b>{ $n }</b> 件。
summary-answer-overdue = 目前逾期 <b>{ $n }</b> 件。
summary-answer-outcome = { $year } 年办结中“{ $what }” <b>{ $n }</b> 件。

web-link = 🔗 <a href="{ $url }">登录网页控制台</a>
    链接仅可使用一次，{ $minutes } 分钟内有效（至 { $until }）。请勿转发。
web-unavailable = 暂时无法提供网页控制台链接。
