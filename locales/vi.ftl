## Tổ Dân Bot — tiếng Việt (mặc định)

## Chung
## Đơn vị dưới phường ($wardUnit) và chức danh người đứng đầu ($headTitle), theo cài đặt của từng phường (/donvi).
## Tin nhắn nào nói đến đơn vị, người đứng đầu thì dùng các tin dưới đây; tên của một đơn vị (“Khu phố 5”) đã có đơn vị, đừng lặp lại.
ward-unit = { $wardUnit ->
        [to-dan-pho] tổ dân phố
        [thon] thôn
        [ap] ấp
        [ban] bản
       *[khu-pho] khu phố
    }
ward-units = { ward-unit }
ward-units-cap = { ward-unit-cap }
ward-unit-vi = { ward-unit-cap }
ward-unit-cap = { $wardUnit ->
        [to-dan-pho] Tổ dân phố
        [thon] Thôn
        [ap] Ấp
        [ban] Bản
       *[khu-pho] Khu phố
    }
ward-head = { $headTitle ->
        [truong-khu-pho] trưởng khu phố
        [to-truong-to-dan-pho] tổ trưởng
        [truong-thon] trưởng thôn
        [truong-ap] trưởng ấp
        [truong-ban] trưởng bản
       *[khu-pho-truong] khu phố trưởng
    }
ward-heads = { ward-head }
ward-head-cap = { $headTitle ->
        [truong-khu-pho] Trưởng khu phố
        [to-truong-to-dan-pho] Tổ trưởng
        [truong-thon] Trưởng thôn
        [truong-ap] Trưởng ấp
        [truong-ban] Trưởng bản
       *[khu-pho-truong] Khu phố trưởng
    }
ward-head-title = { $headTitle ->
        [truong-khu-pho] Trưởng khu phố
        [to-truong-to-dan-pho] Tổ trưởng tổ dân phố
        [truong-thon] Trưởng thôn
        [truong-ap] Trưởng ấp
        [truong-ban] Trưởng bản
       *[khu-pho-truong] Khu phố trưởng
    }
ward-deputy = { $headTitle ->
        [truong-khu-pho] phó trưởng khu phố
        [to-truong-to-dan-pho] tổ phó
        [truong-thon] phó trưởng thôn
        [truong-ap] phó trưởng ấp
        [truong-ban] phó trưởng bản
       *[khu-pho-truong] khu phố phó
    }
ward-deputy-cap = { $headTitle ->
        [truong-khu-pho] Phó trưởng khu phố
        [to-truong-to-dan-pho] Tổ phó
        [truong-thon] Phó trưởng thôn
        [truong-ap] Phó trưởng ấp
        [truong-ban] Phó trưởng bản
       *[khu-pho-truong] Khu phố phó
    }
btn-tip = 🛡 Gửi tin báo ẩn danh
btn-cancel = ✖️ Hủy
btn-back = ↩️ Quay lại
welcome =
    Xin chào! Đây là kênh tiếp nhận <b>tin báo về ma túy</b> của { $ward }, phục vụ chương trình xây dựng phường không ma túy.

    🔒 Tin báo là <b>ẩn danh</b>: bot không lưu tên, tài khoản, số điện thoại của bạn, và cán bộ chỉ thấy nội dung tin báo.

    { word-tap-below } hoặc gõ /tip để gửi tin báo. Gõ /help để xem hướng dẫn.
help-resident =
    <b>Hướng dẫn</b>
    /tip — gửi tin báo ẩn danh (loại việc, { ward-unit }, địa điểm, thời điểm, nội dung, ảnh)
    /status — theo dõi tin báo, bổ sung thông tin bằng mã biên nhận
    /cancel — hủy tin báo đang soạn
    /giupnguoithan — giúp người thân đang dùng ma túy: cai nghiện, methadone, trợ giúp pháp lý
    /lang — đổi ngôn ngữ (Tiếng Việt / English)
    Gõ tiếng Việt cũng được: /baotin, /theodoi, /huy, /trogiup, /ngonngu.

    Sau khi gửi, bạn nhận một <b>mã biên nhận</b>. Hãy giữ kín mã này: đó là cách duy nhất để theo dõi tin báo, và không ai (kể cả cán bộ) biết bạn là người gửi.
help-staff =
    <b>Lệnh cho cán bộ</b>
    /tips — tin báo đang mở (lọc theo mức độ, { ward-unit }); /tip MÃ — một tin báo
    /invite — tạo liên kết mời cán bộ (chỉ quản trị viên); /officers — danh sách cán bộ
    /invitehead SỐ [pho] — mời { ward-head } (hoặc { ward-deputy }) của { ward-unit } số SỐ; /heads [SỐ] — danh sách, cho thôi (chỉ quản trị viên)
    /bindgroup — gửi trong nhóm công an phường để nhận tin báo tại đó (chỉ quản trị viên)
    /ten TÊN — đổi tên hiển thị của bạn (cán bộ, { ward-head }, người báo cáo)
    /donvi — cách phường gọi { ward-unit } và { ward-head } trong tin nhắn của bot: xem, đổi (chỉ quản trị viên)
    /mobaocao [SỐ] — mở ngay báo cáo tuần này cho mọi { ward-unit } (hoặc { ward-unit } số SỐ)
    /checkinschedule, /holiday — lịch báo cáo tuần, ngày nghỉ (chỉ quản trị viên)
    /agencies — các cơ quan phải báo cáo; /inviteagency SỐ — mời người báo cáo của cơ quan
    /addagency TÊN, /removeagency SỐ — thêm, bỏ cơ quan; /contacts SỐ — người báo cáo của cơ quan, cho thôi (chỉ quản trị viên)
    /deadline — đặt hạn báo cáo đột xuất; /deadlines — ai đã nộp, ai chậm
    /report [2026-03|2026-Q1|2026-H1|2026] — báo cáo tháng, quý, 6 tháng, năm (file Excel và dự thảo báo cáo Word)
    /quarterstatus SỐ, /roadmap, /target NĂM SỐ — lộ trình { ward-unit } không ma túy
    /audit MÃ — lịch sử một tin báo (chỉ quản trị viên)
    /lienhephuong — đường dây nóng, địa chỉ công an phường để người dân thấy (chỉ quản trị viên)
    /trangnguoithan — trang “Giúp người thân” riêng của phường (chỉ quản trị viên)
    /tukhoa — từ lóng riêng của phường để bot xếp mức độ tin báo: xem, thêm, xóa
    Trên thẻ tin báo: 🙋 Tôi nhận, ⚖️ Mức độ, 🔁 Trùng, ❓ Hỏi thêm, ✅ Đóng; sau khi đóng “xác minh đúng”: 📋 Kết quả xử lý (khởi tố, xử lý hành chính, triệt xóa điểm, nhổ bỏ cây…).
help-super-admin =
    <b>Lệnh cho quản trị hệ thống</b>
    /wards — các phường trong hệ thống (số liệu, liên kết cho người dân)
    /newward — thêm phường mới (nhận mã quản trị dùng một lần)
    /wardcode MÃ-PHƯỜNG — cấp lại mã quản trị cho phường chưa có quản trị viên
    /rollup [kỳ] — tổng hợp số liệu các phường (file Excel, chỉ số liệu tổng hợp)
not-super-admin = ⛔ Chỉ quản trị hệ thống mới dùng được lệnh này.
not-super-admin-button = ⛔ Chỉ quản trị hệ thống mới dùng được nút này.
newward-usage =
    Cách dùng: dòng đầu <code>/newward mã-phường Tên phường</code>, mỗi dòng sau là tên một { ward-unit } (hoặc chỉ một số N cho “{ ward-unit-cap } 1” … “{ ward-unit-cap } N”, hoặc số và đơn vị như “12 { ward-unit }”; đơn vị: { $units }). Ví dụ:
    <code>/newward nhon-binh Phường Nhơn Bình
    { ward-unit-cap } 1
    { ward-unit-cap } 2</code>
    Mã phường: 2–40 ký tự a-z, 0-9, dấu gạch ngang; tên không trùng nhau. Đơn vị lấy theo tên (mọi tên cùng bắt đầu bằng một đơn vị), nếu không thì là { ward-unit }; quản trị viên của phường đổi được bằng /donvi.
newward-created =
    ✅ Đã tạo { $ward } với { $quarters } { ward-unit } (người đứng đầu: { ward-head }; quản trị viên của phường đổi được bằng /donvi).
    Mã quản trị dùng một lần: <code>{ $code }</code> (hết hạn sau { $hours } giờ) — chuyển riêng cho quản trị viên của phường; người đó gửi <code>/admin { $code }</code> cho bot.
    Liên kết cho người dân gửi tin báo: { $link }
newward-exists = Mã phường “{ $slug }” đã có. Gõ /wards để xem, hoặc /wardcode { $slug } nếu phường chưa có quản trị viên.
wardcode-usage = Cách dùng: /wardcode MÃ-PHƯỜNG (xem mã bằng /wards).
wardcode-issued = Mã quản trị mới cho “{ $slug }” (mã cũ hết hiệu lực; mã này hết hạn sau { $hours } giờ): { $code }
wardcode-has-admin = Phường “{ $slug }” đã có quản trị viên; không cấp mã mới. Quản trị viên mời thêm người bằng /invite.
wardcode-unknown = Không có phường nào mã “{ $slug }”.
wards-list =
    <b>Các phường ({ $count })</b>

    { $lines }
wards-line =
    <b>{ $ward }</b> (<code>{ $slug }</code>) — { $quarters } { ward-unit }, { $admins } quản trị viên, { $officers } cán bộ, { $tips } tin báo, nhóm công an: { $group }
    { $link }
lang-choose = Chọn ngôn ngữ / Choose a language:
lang-set = Đã chuyển sang tiếng Việt.
lang-only-officers = ⛔ Chỉ cán bộ công an phường đã đăng ký mới đổi được ngôn ngữ của nhóm này.
unknown-command = Xin lỗi, bot chưa hiểu tin nhắn này. Gõ /tip để gửi tin báo hoặc /help để xem hướng dẫn.
error-generic = Xin lỗi, đã có lỗi. Vui lòng thử lại sau ít phút.
nothing-to-cancel = Không có gì đang soạn để hủy.

## Phân loại, thời điểm, mức độ
category-dealing = Mua bán ma túy
category-use_venue = Điểm tụ tập, chứa chấp sử dụng ma túy
category-plant_growing = Trồng cây có chứa chất ma túy
category-school = Ma túy gần trường học, liên quan học sinh
category-person_using = Người sử dụng, nghiện, ngáo đá
category-other = Dấu hiệu khác
timing-now = Đang diễn ra
timing-today = Hôm nay
timing-this_week = Trong tuần này
timing-earlier = Trước đây
timing-ongoing = Kéo dài, thường xuyên
priority-urgent = Khẩn cấp
priority-high = Cao
priority-normal = Bình thường
priority-low = Thấp
reason-category_school = Liên quan trường học, học sinh
reason-category_person_using = Người sử dụng, nghiện
reason-category_dealing = Mua bán ma túy
reason-category_use_venue = Điểm tụ tập sử dụng
reason-happening_now = Đang diễn ra
reason-happening_today = Trong hôm nay
reason-ongoing = Diễn ra thường xuyên
reason-children = Có trẻ em, học sinh
reason-psychosis = Có dấu hiệu ngáo, loạn thần
reason-violence_or_weapon = Có hung khí hoặc bạo lực
reason-drug_terms = Có từ chỉ ma túy
reason-no_drug_terms_low_detail = Ít thông tin, không nhắc đến ma túy
reason-long_ago = Chuyện đã lâu
reason-person_harmed = Có người đang nguy hiểm (bất tỉnh, sốc thuốc, tự hại)
reason-ward_terms = Có từ khóa riêng của phường
reason-hearsay = Nghe kể lại, chưa tận mắt thấy
reason-denied = Người báo nói không có ma túy
reason-over_and_done = Chuyện đã xong (đã bị bắt, đã chấm dứt)
reason-not_about_drugs = Nội dung không phải về ma túy
reason-online_only = Chỉ trên mạng, chưa có địa điểm
reason-no_place = Chưa có địa điểm cụ thể
quarter-unknown = Không rõ

## Luồng gửi tin báo
tip-intro = 🔒 Bạn đang gửi tin báo <b>ẩn danh</b>. Có thể gõ /cancel bất cứ lúc nào để hủy.
tip-ask-ward = Tin báo này gửi cho <b>phường nào</b>? Chọn bên dưới, hoặc gõ tên phường.
tip-ask-ward-type = Tin báo này gửi cho <b>phường nào</b>? Hãy gõ tên phường (có dấu hay không dấu đều được), ví dụ: <i>Quy Nhơn Đông</i>.
tip-ask-ward-matches = Có nhiều phường trùng tên đã gõ. Chọn phường của bạn, hoặc gõ tên đầy đủ hơn.
tip-ward-not-found = Không tìm thấy phường nào có tên “{ $typed }”. Hãy gõ lại tên phường, hoặc gõ /cancel để hủy.
hint-ward = Vui lòng chọn phường { word-choices-above }, hoặc gõ tên phường.
welcome-any =
    Xin chào! Đây là kênh tiếp nhận <b>tin báo về ma túy</b> của các phường, phục vụ chương trình xây dựng phường không ma túy.

    🔒 Tin báo là <b>ẩn danh</b>: bot không lưu tên, tài khoản, số điện thoại của bạn, và cán bộ chỉ thấy nội dung tin báo.

    { word-tap-below } hoặc gõ /tip để gửi tin báo; bot sẽ hỏi bạn chọn phường. Gõ /help để xem hướng dẫn.
ward-link-unknown = Liên kết này không dẫn tới phường nào (có thể đã gõ sai). Gõ /tip để gửi tin báo và chọn phường.
tip-ask-category = <b>Bước 1/6.</b> Bạn muốn báo việc gì?
tip-ask-quarter = <b>Bước 2/6.</b> Việc này ở { ward-unit } nào?
tip-ask-place =
    <b>Bước 3/6.</b> Địa điểm cụ thể? Gõ địa chỉ hoặc điểm nhận biết (ví dụ: “hẻm 12 Trần Phú, quán karaoke cạnh chợ”).{ $channel ->
        [zalo] {""}
       *[other] {" "}Hoặc chỉ trên bản đồ: bấm 📎 → “Vị trí”, kéo bản đồ đặt ghim đúng nơi đó, rồi bấm “Gửi vị trí đã chọn”.
    ⚠️ Đừng gửi “vị trí hiện tại” nếu bạn đang ở nhà: như vậy là gửi chỗ bạn ở.
    }
    Nếu không muốn nêu, { word-tap } “{ $skip }”.
btn-skip = ⏭ Bỏ qua
tip-pin-received = 📍 Đã nhận vị trí trên bản đồ.
tip-pin-which = Vị trí vừa gửi là nơi bạn muốn báo, hay là chỗ bạn đang đứng?
btn-pin-spot = 📍 Đúng nơi tôi muốn báo
btn-pin-here = 🧍 Đó là chỗ tôi đang đứng
btn-pin-drop = 🗑 Bỏ vị trí này
tip-place-pin = 📍 ghim trên bản đồ (đúng nơi báo)
tip-place-pin-approximate = 📍 khu vực trên bản đồ (làm tròn khoảng { $meters } m)
tip-ask-timing = <b>Bước 4/6.</b> Việc này xảy ra khi nào?
tip-ask-description =
    <b>Bước 5/6.</b> Mô tả điều bạn thấy: ai (đặc điểm, không cần tên thật), làm gì, giờ giấc, phương tiện…
    ⚠️ Đừng ghi thông tin có thể lộ danh tính của bạn.
tip-description-no-words = Cảm ơn bạn. Xin gõ thêm vài chữ để cán bộ hiểu chuyện gì đang xảy ra: ai, làm gì, ở đâu, lúc nào (biểu tượng cảm xúc thôi thì chưa đủ để xử lý).
tip-ask-photos = <b>Bước 6/6.</b> Có ảnh không? Gửi tối đa { $max } ảnh, rồi { word-tap } “{ $done }”. Không có thì { word-tap } “{ $skip }”.
btn-photos-done = ✅ Xong
tip-photo-received = Đã nhận ảnh { $count }/{ $max }. Gửi thêm hoặc { word-tap } “{ $done }”.
tip-photo-limit = Đã đủ { $max } ảnh. { word-Tap } “{ $done }” để tiếp tục.
tip-photo-not-image = File này không phải ảnh nên không nhận được. Vui lòng gửi ảnh (JPG, PNG…).
tip-photo-too-big = Ảnh này lớn hơn 20 MB nên không nhận được. Vui lòng gửi dạng ảnh thường (không gửi dạng file).
tip-photo-busy = ⏳ Hệ thống đang xử lý nhiều ảnh. Vui lòng đợi khoảng một phút rồi gửi lại ảnh này.
tip-review =
    <b>Xem lại tin báo</b>
    Gửi đến: { $ward }
    Loại: { $category }
    Địa bàn: { $quarter }
    Địa điểm: { $place }
    Thời điểm: { $timing }
    Ảnh: { $photos }
    Nội dung:
    { $description }

    🔔 Nhận thông báo: nếu bật, bot giữ địa chỉ chat này (đã mã hóa, tách khỏi tin báo) để nhắn khi cán bộ hỏi thêm hoặc đã xử lý xong, và xóa khi tin báo đóng. Để tắt thì bot không giữ gì.

    Gửi tin báo này?
tip-place-none = (không nêu)
btn-submit = 📨 Gửi
btn-edit = ✏️ Sửa
tip-edit-which = Bạn muốn sửa phần nào?
edit-category = Loại việc
edit-quarter = Địa bàn
edit-place = Địa điểm
edit-timing = Thời điểm
edit-description = Nội dung
edit-photos = Ảnh
tip-submitted =
    ✅ <b>Đã gửi tin báo.</b> Cảm ơn bạn đã góp phần xây dựng phường không ma túy.

    Mã biên nhận của bạn: <code>{ $receipt }</code>

    🔐 Hãy lưu mã này ở nơi an toàn và <b>không đưa cho ai</b>. Mã là cách duy nhất để theo dõi tin báo; bot không lưu mã này và không thể cấp lại.
    Bạn có thể xóa đoạn chat này sau khi lưu mã.
tip-submit-failed = Xin lỗi, chưa gửi được tin báo do lỗi hệ thống. Nội dung của bạn vẫn còn: { word-tap } “{ $submit }” để thử lại.
tip-filed-before =
    ✅ <b>Tin báo của bạn đã được gửi</b> trước khi bot bị gián đoạn, nên không hủy được nữa. Không cần gửi lại.

    Mã biên nhận của bạn: <code>{ $receipt }</code>

    🔐 Hãy lưu mã này ở nơi an toàn và <b>không đưa cho ai</b>. Mã là cách duy nhất để theo dõi tin báo; bot không lưu mã này và không thể cấp lại.
tip-cancelled = Đã hủy. Không có gì được lưu lại.
tip-expired = Phiên soạn tin báo đã hết hạn và đã được xóa. Gõ /tip để bắt đầu lại.
hint-use-buttons = Vui lòng chọn { word-choices-above }, hoặc gõ /cancel để hủy.
hint-need-text = Vui lòng gõ nội dung bằng chữ (không nhận nhãn dán, tin nhắn thoại, file). Gõ /cancel để hủy.
hint-place = Vui lòng gõ địa chỉ, { $channel ->
        [zalo] {""}
       *[other] chỉ vị trí trên bản đồ (📎 → “Vị trí”),{" "}
    }hoặc { word-tap } “{ $skip }”.
hint-photos = Vui lòng gửi ảnh, hoặc { word-tap } { $buttons }. Video, ghi âm và nhãn dán không được nhận.
hint-in-flow = Bạn đang soạn tin báo. Tiếp tục theo hướng dẫn, hoặc gõ /cancel để hủy.
error-text-too-long = Nội dung quá dài ({ $length } ký tự). Tối đa { $max } ký tự.
error-text-empty = Nội dung không được để trống.

## Thẻ tin báo cho nhóm công an phường
card-urgent-banner = 🚨 <b>KHẨN CẤP</b> — cần xử lý ngay
card-body =
    <b>Tin báo #{ $reference }</b> · Mức độ: <b>{ $priority }</b>
    Loại: { $category }
    Địa bàn: { $quarter }
    Địa điểm: { $place }
    Thời điểm: { $timing }
    Gửi lúc: { $createdAt }
    Ảnh: { $photos }
card-duplicate = 🔁 Có thể trùng với #{ $reference }
card-status-new = Trạng thái: 🆕 Mới, chưa ai nhận
card-status-claimed = Trạng thái: 🙋 { $officer } đã nhận
card-status-closed = Trạng thái: ✅ Đã đóng — { $reason }
card-description = Nội dung:
card-photos-unreadable = ⚠️ { $count } ảnh của người báo tin không đọc được nên không gửi kèm.
card-place-pin = 📍 ghim bản đồ bên dưới (người báo xác nhận đúng nơi báo)
card-place-pin-approximate = 📍 khu vực gần đúng, sai số khoảng { $meters } m (ghim bên dưới). Người báo không xác nhận đây là nơi được báo: có thể là chỗ họ đứng khi gửi.
close-confirmed = Xác minh đúng
close-unfounded = Không có cơ sở
close-spam = Tin rác
close-duplicate = Trùng tin khác
btn-claim = 🙋 Tôi nhận
btn-priority = ⚖️ Mức độ
btn-duplicate = 🔁 Trùng
btn-close = ✅ Đóng
btn-assign = 👤 Giao việc
card-choose-priority = Chọn mức độ mới:
card-choose-duplicate = Trùng với tin báo nào?
card-no-duplicates = Không có tin báo nào khác gần đây.
card-only-officers = ⛔ Chỉ cán bộ công an phường đã đăng ký mới dùng được nút này.
only-officers-command = ⛔ Chỉ cán bộ công an phường đã đăng ký mới dùng được lệnh này.
anonymous-admin = ⛔ Bạn đang gửi với tư cách quản trị viên ẩn danh của nhóm, nên bot không biết bạn là ai. Để dùng lệnh của bot trong nhóm, hãy tắt “Ẩn danh” trong quyền quản trị của mình, hoặc nhắn riêng cho bot.
card-wrong-ward = ⛔ Tin báo này thuộc phường khác.
card-done-claimed = Bạn đã nhận tin báo #{ $reference }.
card-done-priority = Đã đổi mức độ: { $priority }.
card-done-duplicate = Đã đánh dấu trùng với #{ $reference }.
card-done-closed = Đã đóng tin báo #{ $reference }.
card-done-closed-confirmed = Đã đóng tin báo #{ $reference } — xác minh đúng. Ghi kết quả xử lý bằng các nút dưới thẻ (nếu có).
card-outcomes = 📋 Kết quả xử lý: { $list }
card-outcome-case_opened =
    { $shape ->
        [unknown] khởi tố, lập hồ sơ 1 vụ (chưa ghi số đối tượng)
       *[known] khởi tố, lập hồ sơ 1 vụ ({ $count } đối tượng)
    }
card-outcome-administrative = xử lý hành chính { $count } người
card-outcome-dealing_point_dismantled = triệt xóa { $count } điểm mua bán
card-outcome-venue_dismantled = triệt xóa { $count } điểm tổ chức sử dụng
card-outcome-plants_destroyed =
    { $shape ->
        [unknown] nhổ bỏ, tiêu hủy cây (chưa ghi số cây)
       *[known] nhổ bỏ, tiêu hủy { $count } cây
    }
card-outcome-premises_inspected = kiểm tra { $count } cơ sở kinh doanh
card-outcome-handed_over = chuyển đơn vị khác xử lý
card-outcome-counting = ➕ { $question }: <b>{ $count }</b> — bấm một số, hoặc tăng, giảm rồi bấm “Ghi”.
card-outcome-ask-case_opened = Số đối tượng bị bắt, khởi tố
card-outcome-ask-administrative = Số người bị xử lý hành chính
card-outcome-ask-dealing_point_dismantled = Số điểm mua bán bị triệt xóa
card-outcome-ask-venue_dismantled = Số điểm tổ chức sử dụng bị triệt xóa
card-outcome-ask-plants_destroyed = Số cây bị nhổ bỏ, tiêu hủy
card-outcome-ask-premises_inspected = Số cơ sở kinh doanh được kiểm tra
card-outcome-recorded = Đã ghi: { $outcome }.
card-outcome-removed = Đã bỏ: { $outcome }.
card-outcome-not-confirmed = Chỉ ghi kết quả xử lý cho tin báo đã đóng là “xác minh đúng”.
card-outcome-invalid = Không ghi được kết quả này (số không hợp lệ, hoặc tin báo đã có quá nhiều kết quả).
btn-outcome-case_opened = 📁 Khởi tố, lập hồ sơ
btn-outcome-administrative = 📝 Xử lý hành chính
btn-outcome-dealing_point_dismantled = 🏚 Triệt xóa điểm mua bán
btn-outcome-venue_dismantled = 🏠 Triệt xóa điểm sử dụng
btn-outcome-plants_destroyed = 🌿 Nhổ bỏ, tiêu hủy cây
btn-outcome-premises_inspected = 🏨 Kiểm tra cơ sở
btn-outcome-handed_over = 🤝 Chuyển đơn vị khác
btn-outcome-done = ✔️ Xong
btn-outcome-menu = 📋 Kết quả xử lý
btn-outcome-record = ✅ Ghi { $count }
btn-outcome-unknown = Chưa rõ số
btn-outcome-remove = ❌ { $label }
card-already-claimed = Tin báo này đã có cán bộ khác nhận.
card-tip-closed = Tin báo này đã đóng.
card-tip-not-found = Không tìm thấy tin báo.
card-admin-only = ⛔ Chỉ quản trị viên của phường mới giao việc được.
card-assign-not-staff = Người này không còn là cán bộ của phường.
card-tip-changed = Tin báo vừa thay đổi; xem lại thẻ rồi thử lại.
card-choose-officer = Giao tin báo #{ $reference } cho cán bộ nào?
card-done-assigned = Đã giao tin báo #{ $reference } cho { $officer }.
card-photos-caption = Ảnh kèm tin báo #{ $reference }
cards-undelivered-admin = ⚠️ Bot không gửi được tin báo vào nhóm Công an phường của { $ward }: { $reason } Tin báo vẫn được lưu đủ; bot sẽ tự gửi lại cho tới khi được. Xin kiểm tra ngay: bot còn ở trong nhóm và còn quyền gửi tin, ảnh, vị trí.
cards-delivered-again-admin = ✅ Bot đã gửi lại được tin báo vào nhóm Công an phường của { $ward }; không còn tin báo nào đang chờ gửi.
delivery-reason-bot-gone = bot không còn trong nhóm (đã bị đưa ra, hoặc nhóm không còn).
delivery-reason-no-right = bot không có quyền gửi tin, ảnh hoặc vị trí trong nhóm.
delivery-reason-chat-gone = Telegram không tìm thấy nhóm.
delivery-reason-telegram = Telegram tạm thời không nhận (lỗi mạng hoặc máy chủ).
delivery-reason-other = Telegram không nhận (“{ $error }”).

## Quản trị
admin-usage = Cách dùng: /admin MÃ (mã quản trị dùng một lần do người quản trị máy chủ đưa cho bạn).
admin-expired = ⛔ Mã này đã hết hạn. Nhờ người quản trị máy chủ cấp mã mới (lệnh npm run admin-code trên máy chủ).
admin-ok = ✅ Bạn đã là quản trị viên của { $ward }. Gõ /invite để mời cán bộ, và gửi /bindgroup trong nhóm công an phường. Xem và xác nhận mục tiêu { ward-unit } không ma túy từng năm: /target. Phường gọi đơn vị dưới phường là “{ ward-unit }”, người đứng đầu là “{ ward-head-title }”: đổi bằng /donvi.
ward-words-now = Phường gọi đơn vị dưới phường là “{ ward-unit }”, người đứng đầu là “{ ward-head-title }”.
ward-words-usage =
    { ward-words-now }
    Đổi (chỉ quản trị viên): /donvi SỐ, chọn một trong:
    { $choices }
    Các tin nhắn của bot (lời mời, báo cáo tuần, lộ trình, báo cáo) dùng cách gọi này.
ward-words-choice = { $n }. { ward-unit-cap } — { ward-head-title }
ward-words-set = ✅ Từ nay bot gọi đơn vị dưới phường là “{ ward-unit }”, người đứng đầu là “{ ward-head-title }” (trước đây: { $before }). Tên từng { ward-unit } giữ nguyên.
ward-words-same = Phường đã gọi như vậy: “{ ward-unit }”, “{ ward-head-title }”. Không có gì thay đổi.
ward-words-before = “{ ward-unit }”, “{ ward-head-title }”
admin-invalid = ⛔ Mã không đúng hoặc đã được dùng.
admin-locked = ⛔ Nhập sai mã quá nhiều lần. Vui lòng thử lại sau một giờ.
admin-private-only = Vui lòng gửi lệnh này trong tin nhắn riêng với bot.
invite-created =
    Liên kết mời cán bộ (dùng một lần, hết hạn lúc { $expires }):
    { $link }
    Gửi liên kết này riêng cho cán bộ cần mời.
invite-accepted = ✅ Chào { $name }! Bạn đã được đăng ký là cán bộ của { $ward }. Tin báo sẽ đến nhóm công an phường.
staff-name-offer = ✍️ Tên của bạn sẽ hiện với cán bộ khác, trên thẻ tin báo và trong nhật ký là: <b>{ $name }</b>. Chọn cách viết đúng bên dưới, hoặc gõ /ten rồi tên của bạn (ví dụ /ten Nguyễn Văn An). Đổi lại lúc nào cũng được bằng /ten.
staff-name-set = ✅ Tên hiển thị: { $name }. Đổi lại bằng /ten.
staff-name-usage = Cách dùng: /ten TÊN — tên bạn muốn cán bộ khác thấy, ví dụ /ten Nguyễn Văn An (2–60 ký tự, bằng chữ, không biểu tượng).
invite-invalid = ⛔ Liên kết mời không hợp lệ.
invite-expired = ⛔ Liên kết mời đã hết hạn. Hãy xin quản trị viên liên kết mới.
invite-used = ⛔ Liên kết mời đã được sử dụng.
not-admin = ⛔ Chỉ quản trị viên của phường mới dùng được lệnh này.
not-admin-button = ⛔ Chỉ quản trị viên của phường mới dùng được nút này.
bindgroup-ok = ✅ Nhóm này đã được gắn làm nhóm công an của { $ward }. Tin báo mới sẽ được gửi vào đây.
bindgroup-other-ward = ⛔ Nhóm này đã là nhóm công an của một phường khác; không thể gắn cho phường của bạn. Hãy dùng một nhóm riêng.
bindgroup-group-only = Hãy gửi /bindgroup trong nhóm công an phường (không phải tin nhắn riêng).
bindgroup-already = Nhóm này đã là nhóm Công an phường của { $ward }; không có gì thay đổi.
bindgroup-confirm = ⚠️ { $ward } đang nhận tin báo ở một nhóm khác. Chuyển sang nhận tin báo ở nhóm này? Nhóm cũ sẽ được báo là từ nay không còn nhận tin báo.
btn-rebind-confirm = ✅ Chuyển sang nhóm này
btn-rebind-cancel = ✖️ Thôi
bindgroup-kept = Đã giữ nguyên nhóm Công an phường hiện tại; không có gì thay đổi.
bindgroup-changed = Nhóm Công an phường của phường đã thay đổi từ lúc hỏi; gửi lại /bindgroup nếu vẫn muốn chuyển.
bindgroup-moved-notice = ⚠️ Nhóm này không còn nhận tin báo của { $ward }; tin báo từ nay gửi tới nhóm khác do quản trị viên { $admin } chỉ định. Nếu việc này không đúng, hãy báo ngay cho lãnh đạo Công an phường.
bindgroup-old-group-not-told = Không báo được cho nhóm cũ (bot không gửi được tin vào đó); hãy tự báo cho các cán bộ ở nhóm cũ.
group-not-bound = Nhóm này chưa được gắn với phường nào. Quản trị viên gửi /bindgroup để gắn.
no-police-group = ⚠️ Phường chưa gắn nhóm công an: tin báo đã được lưu nhưng chưa gửi tới cán bộ.

## Người đứng đầu { ward-unit }, báo cáo tuần
head-invite-usage = Cách dùng: /invitehead SỐ [pho] — SỐ là số thứ tự của { ward-unit }, ví dụ /invitehead 5 ({ ward-head }) hoặc /invitehead 5 pho ({ ward-deputy }).
head-invite-created =
    Liên kết mời { $role } của { $quarter } (dùng một lần, hết hạn lúc { $expires }):
    { $link }
role-head = { ward-head }
role-deputy = { ward-deputy }
head-invite-confirm = Bạn được mời làm <b>{ $role }</b> của <b>{ $quarter }</b>, { $ward }. Mỗi tuần bot sẽ hỏi tình hình ma túy trong { ward-unit }. Xác nhận?
btn-confirm = ✅ Xác nhận
btn-not-me = ✖️ Không phải tôi
head-registered = ✅ Bạn đã được đăng ký là { $role } của { $quarter }. Báo cáo tuần mở vào { $when }. Gõ /away khi vắng để { ward-deputy } nhận thay.
head-registered-open = ✅ Bạn đã được đăng ký là { $role } của { $quarter }. Báo cáo tuần { $week } đang mở: xin trả lời ở tin nhắn ngay bên dưới. Gõ /away khi vắng để { ward-deputy } nhận thay.
checkin-opened-one = ✅ Đã mở báo cáo tuần { $week } cho <b>{ $quarter }</b>: { ward-head }, { ward-deputy } đã được nhắn.
checkin-opened-all = ✅ Đã mở báo cáo tuần { $week } cho { $count } { ward-unit }: { $quarters }. Ai đã được nhắn rồi thì không bị nhắn lại.
checkin-open-no-head = { $quarter } chưa có { ward-head } hay { ward-deputy }: gõ /invitehead { $n } để mời.
checkin-open-no-heads = Chưa { ward-unit } nào có { ward-head } hay { ward-deputy }: gõ /invitehead SỐ để mời (SỐ là số thứ tự của { ward-unit }).
checkin-open-no-quarter = Không có { ward-unit } số { $n }.
checkin-open-holiday = Tuần này là tuần nghỉ lễ: không mở báo cáo tuần.
checkin-open-usage = Cách dùng: /mobaocao để mở báo cáo tuần này cho mọi { ward-unit }, hoặc /mobaocao 5 chỉ cho { ward-unit } số 5.
head-invite-declined = Đã hủy. Liên kết vẫn chưa được dùng.
ci-prompt =
    📋 <b>Báo cáo tuần { $week }</b> — { $quarter }
    Xin anh/chị cho biết tình hình ma túy trong { ward-unit } tuần này. Hạn chót: { $closes }.
ci-reminder = ⏰ <b>Nhắc lần { $n }:</b> { $quarter } chưa gửi báo cáo tuần { $week }. Hạn chót: { $closes }.
btn-ci-start = 📝 Bắt đầu báo cáo tuần
btn-ci-nothing = 👌 Không có gì mới
ci-nothing-saved = ✅ Đã ghi nhận: { $quarter } không có gì mới trong tuần { $week }. Cảm ơn anh/chị! Có thể sửa đến { $closes }.
btn-ci-edit = ✏️ Sửa báo cáo
ci-stocks-confirm =
    👥 <b>Số người đang được quản lý ở { $quarter }</b> (chỉ số lượng, không ghi tên):
    • Người nghiện ma túy: <b>{ $addicts }</b>
    • Người sử dụng trái phép chất ma túy: <b>{ $users }</b>
    • Người sau cai nghiện: <b>{ $postRehab }</b>
    Xác nhận lần cuối ngày { $date }. Các số này còn đúng không?
btn-ci-stocks-keep = ✅ Vẫn đúng
btn-ci-stocks-edit = ✏️ Có thay đổi
ci-stocks-edit = Xin cho biết số người hiện nay (chỉ số lượng, không ghi tên). Số nào không đổi thì giữ nguyên số cũ.
ci-stocks-unknown = 👥 Chưa có số người đang được quản lý ở <b>{ $quarter }</b>. Xin cho biết số người hiện nay (chỉ số lượng, không ghi tên); tuần sau chỉ cần xác nhận lại nếu không đổi.
ci-stock-q-addicts = Số người <b>nghiện ma túy</b> đang được quản lý?
ci-stock-q-users = Số người <b>sử dụng trái phép chất ma túy</b> (chưa xác định là nghiện) đang được quản lý?
ci-stock-q-postRehab = Số người <b>sau cai nghiện</b> đang được quản lý?
btn-ci-keep = Giữ nguyên ({ $n })
ci-stocks-kept = Số người đang quản lý giữ nguyên: nghiện { $addicts }, sử dụng { $users }, sau cai { $postRehab }.
ci-stocks-none-yet = Chưa có số người đang được quản lý: { word-tap } “{ $edit }” để nhập.
ci-q-peopleChanged = Tuần này có ai <b>mới</b> nghi sử dụng ma túy, mới về từ cai nghiện hoặc từ trại giam, tái nghiện, hay đã chuyển đi nơi khác không?
ci-q-newSuspectedUsers = Số người <b>mới</b> phát hiện nghi sử dụng ma túy?
ci-q-backFromRehab = Số người mới <b>trở về sau cai nghiện</b>?
ci-q-backFromPrison = Số người mới <b>chấp hành xong án phạt tù</b> trở về?
ci-q-relapsed = Số người sau cai đã <b>tái nghiện</b>?
ci-q-movedAway = Số người đang được quản lý đã <b>chuyển đi</b> nơi khác?
ci-q-incidents = Trong tuần có bao nhiêu <b>vụ việc</b> do người sử dụng ma túy gây ra (gây rối, trộm cắp, đánh nhau…)?
ci-q-newSigns = Tuần này có dấu hiệu mới về mua bán hoặc điểm tụ tập sử dụng ma túy không?
ci-q-dealingPoints = Bao nhiêu <b>điểm nghi mua bán</b> ma túy?
ci-q-useVenues = Bao nhiêu <b>điểm nghi tổ chức, chứa chấp sử dụng</b> ma túy?
ci-q-plantGrowing = Có phát hiện trồng cây có chứa chất ma túy (cần sa, thuốc phiện…) không?
ci-q-plantSites = Ở bao nhiêu <b>nơi</b> (vườn, ruộng, chậu cây…)?
ci-q-suspiciousBusinesses = Có cơ sở kinh doanh đáng ngờ (karaoke, nhà nghỉ, nhà trọ) không?
ci-q-awarenessSessions = Số buổi tuyên truyền phòng, chống ma túy đã tổ chức trong tuần?
ci-q-awarenessParticipants = Tổng cộng khoảng bao nhiêu <b>người dự</b> các buổi đó?
ci-q-urgent = Có việc gì <b>khẩn cấp</b> cần công an phường xử lý ngay không?
ci-q-note = Ghi chú thêm (nếu có)? Gõ nội dung hoặc { word-tap } “{ $skip }”.
ci-ask-detail = Ở đâu, cụ thể thế nào? (gõ ngắn gọn, hoặc { word-tap } “{ $skip }”)
ci-count-hint = { $channel ->
    [zalo] Nhắn một số (0, 1, 2…).
   *[other] Bấm một số hoặc gõ số (0, 1, 2…).
}
ci-count-invalid = Xin gõ một con số, ví dụ 0, 2 hoặc 15 (không có thì gõ 0).
btn-yes = Có
btn-no = Không
btn-more = Khác…
ci-type-number = Gõ số lượng:
ci-review =
    <b>Báo cáo tuần { $week } — { $quarter }</b>
    { $lines }

    Gửi báo cáo này?
ci-review-stocks = • Đang quản lý: nghiện <b>{ $addicts }</b>, sử dụng <b>{ $users }</b>, sau cai <b>{ $postRehab }</b>
ci-review-no-flows = Không có người, vụ việc, điểm hay buổi tuyên truyền nào mới
ci-review-note = Ghi chú
ci-sign-newSigns = Dấu hiệu mua bán, tụ tập sử dụng
ci-sign-plantGrowing = Trồng cây có chứa chất ma túy
ci-sign-suspiciousBusinesses = Cơ sở kinh doanh đáng ngờ
ci-sign-urgent = Việc khẩn cấp
btn-ci-restart = 🔁 Làm lại
ci-submitted = ✅ Đã gửi báo cáo tuần { $week } của { $quarter }. Cảm ơn anh/chị! Có thể sửa đến { $closes }.
ci-submitted-urgent = 🚨 Việc khẩn cấp đã được chuyển ngay tới công an phường.
ci-cancelled = Đã hủy báo cáo. Có thể bắt đầu lại bằng nút trong tin nhắc.
ci-window-closed = ⛔ Báo cáo tuần này đã đóng.
ci-not-head = ⛔ Bạn không phải { ward-head }/{ ward-deputy } của { ward-unit } này.
ci-escalation =
    ⚠️ <b>Báo cáo tuần { $week }</b>: { $count } { ward-unit } chưa trả lời:
    { $quarters }
ci-urgent-card =
    🚨 <b>KHẨN CẤP từ báo cáo tuần</b> — { $quarter } ({ $week })
    Người báo: { $head }
    Nội dung: { $detail }
ci-summary =
    📊 <b>Tổng hợp báo cáo tuần { $week }</b>
    Đã trả lời: { $answered }/{ $expected } { ward-unit } ({ $rate }%)
    { ward-unit-cap } có dấu hiệu: { $signs }
    Trong tuần: mới nghi sử dụng { $newUsers }{ $newUsersChange }; mới về từ cai nghiện { $backFromRehab }, từ trại giam { $backFromPrison }; tái nghiện { $relapsed }; chuyển đi { $moved }; vụ việc { $incidents }
    Phát hiện: điểm nghi mua bán { $dealingPoints }, điểm nghi tụ tập sử dụng { $useVenues }, nơi trồng cây có chứa chất ma túy { $plantSites }
    Tuyên truyền: { $awareness } buổi, { $participants } lượt người dự
    Đang quản lý (số mới nhất các { ward-unit } đã xác nhận, { $known }/{ $quarters } { ward-unit } có số liệu): nghiện { $addicts }, sử dụng { $users }, sau cai { $postRehab }
    Chưa trả lời: { $missing }
ci-none = không có
ci-chart-title = Báo cáo tuần { $week } — đã trả lời { $answered }/{ $expected }
ci-grid-title = Báo cáo tuần của các { ward-unit } — { $weeks } tuần gần nhất
ci-grid-week = tuần { $n }
ci-legend-nothing = Đã trả lời: không có gì mới
ci-legend-signs = Đã trả lời: có dấu hiệu
ci-legend-urgent = Có việc khẩn cấp
ci-legend-missing = Không trả lời
ci-legend-noHead = Chưa có { ward-head }
ci-legend-holiday = Nghỉ lễ, Tết (không hỏi)
ci-legend-notOpen = Chưa mở báo cáo tuần
ci-legend-byDeputy = { ward-deputy-cap } trả lời thay ({ ward-head } vắng)
stock-addicts = Người nghiện ma túy đang quản lý
stock-users = Người sử dụng trái phép chất ma túy đang quản lý
stock-postRehab = Người sau cai nghiện đang quản lý
flow-newSuspectedUsers = Người mới phát hiện nghi sử dụng ma túy
flow-backFromRehab = Người mới trở về sau cai nghiện
flow-backFromPrison = Người mới chấp hành xong án phạt tù trở về
flow-relapsed = Người tái nghiện
flow-movedAway = Người đang quản lý chuyển đi nơi khác
flow-incidents = Vụ việc do người sử dụng ma túy gây ra
flow-dealingPoints = Điểm nghi mua bán ma túy phát hiện
flow-useVenues = Điểm nghi tổ chức, chứa chấp sử dụng ma túy phát hiện
flow-plantSites = Nơi trồng cây có chứa chất ma túy phát hiện
flow-awarenessSessions = Buổi tuyên truyền phòng, chống ma túy
flow-awarenessParticipants = Lượt người dự tuyên truyền
away-on = Đã ghi nhận anh/chị vắng mặt: { ward-deputy } sẽ nhận lời nhắc báo cáo. Gõ /back khi trở lại.
away-off = Chào mừng trở lại! Anh/chị sẽ nhận lời nhắc báo cáo như thường lệ.
away-not-head = Lệnh này dành cho { ward-head }, { ward-deputy }.
holiday-usage = Cách dùng: /holiday NGÀY_BẮT_ĐẦU NGÀY_KẾT_THÚC TÊN — ví dụ /holiday 2027-02-05 2027-02-11 Tết Đinh Mùi
holiday-added = ✅ Đã thêm ngày nghỉ “{ $name }” ({ $from } → { $to }): tuần có ngày mở báo cáo rơi vào đây sẽ được bỏ qua.
schedule-usage = Cách dùng: /checkinschedule THỨ GIỜ SỐ_GIỜ_MỞ NHẮC — ví dụ /checkinschedule 5 8 72 24,48 (thứ Sáu 8:00, mở 72 giờ, nhắc sau 24 và 48 giờ). Thứ: 1 = thứ Hai … 7 = Chủ nhật.
schedule-current = Lịch báo cáo tuần: { $weekday } lúc { $hour }:00, mở { $window } giờ, nhắc sau { $reminders } giờ.
weekday-1 = thứ Hai
weekday-2 = thứ Ba
weekday-3 = thứ Tư
weekday-4 = thứ Năm
weekday-5 = thứ Sáu
weekday-6 = thứ Bảy
weekday-7 = Chủ nhật

## Theo dõi tin báo bằng mã biên nhận
btn-follow = 🔎 Theo dõi tin báo
btn-add-info = ➕ Bổ sung thông tin
btn-done = ✔️ Xong
follow-ask-code = Nhập mã biên nhận của bạn (dạng TB-XXXX-XXXX):
follow-not-found = Không tìm thấy tin báo với mã này: mã sai, hoặc tin báo đã đóng quá lâu và không còn tồn tại. Hãy kiểm tra lại mã (chữ O và số 0 không có trong mã).
follow-too-many = Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau một giờ.
follow-status =
    <b>Tình trạng tin báo của bạn:</b> { $status }
    Gửi lúc: { $when }
    Số lần bổ sung thông tin: { $addenda }
follow-status-new = 📥 Đã tiếp nhận, đang chờ cán bộ xem
follow-status-claimed = 🔍 Đang được xác minh
follow-status-handled = ✅ Đã xử lý
follow-status-closed = 📁 Đã đóng
follow-ask-info = Gõ thông tin bổ sung và/hoặc gửi tối đa { $max } ảnh, rồi { word-tap } “{ $send }”.
follow-text-kept = Đã ghi nhận. Gửi thêm hoặc { word-tap } “{ $send }”.
follow-text-full = Phần bổ sung tối đa { $max } ký tự, nên đoạn vừa gõ chưa được thêm. Bạn còn { $left } ký tự: hãy gõ ngắn hơn, hoặc { word-tap } “{ $send }” để gửi phần đã ghi nhận.
follow-added = ✅ Đã chuyển thông tin bổ sung tới cán bộ, vẫn ẩn danh. Cảm ơn bạn!
follow-closed-now = Tin báo này đã đóng, không thể bổ sung thêm.
follow-bye = Đã xong. Giữ kín mã biên nhận của bạn.
card-addendum =
    ➕ <b>Thông tin bổ sung cho tin báo #{ $reference }</b> (từ người báo tin, ẩn danh)
    { $text }
    Ảnh: { $photos }
audit-usage = Cách dùng: /audit MÃ_TIN (ví dụ /audit A7K3). Chỉ quản trị viên.
audit-resident = người báo tin (ẩn danh)
audit-history =
    <b>Lịch sử tin báo #{ $reference }</b>
    { $lines }
card-unclaimed = ⏰ Tin báo #{ $reference } (mức { $priority }) chưa có ai nhận sau { $minutes } phút. Cán bộ: { $officers }
btn-notify-off = 🔕 Nhận thông báo: Tắt (chọn để bật)
btn-notify-on = 🔔 Nhận thông báo: Bật (chọn để tắt)
tip-notify-on = 🔔 Bot sẽ nhắn cho bạn khi cán bộ có câu hỏi hoặc khi tin báo được xử lý xong (chỉ bot biết gửi tới đâu; thông tin này được mã hóa và xóa khi tin báo đóng).
tip-call-113 = { line-call-113 } Tin báo qua bot được cán bộ xem sớm nhưng không phải đường dây khẩn cấp.
btn-ask = ❓ Hỏi thêm
card-ask-prompt = ❓ Câu hỏi cho người báo tin #{ $reference }: hãy <b>trả lời (reply) tin nhắn này</b> bằng câu hỏi. Người báo tin sẽ không biết ai hỏi.
card-ask-hint = Trả lời tin nhắn của bot bằng câu hỏi.
card-ask-sent = ✅ Đã chuyển câu hỏi cho người báo tin #{ $reference }.
card-answer =
    💬 <b>Người báo tin #{ $reference } trả lời</b>
    Hỏi: { $question }
    Đáp: { $answer }
notify-question = ❓ Cán bộ có câu hỏi về tin báo của bạn. Gõ /status và nhập mã biên nhận để xem và trả lời.
notify-closed = 📁 Tin báo của bạn đã được xử lý xong và đóng. Cảm ơn bạn! (Từ nay bot sẽ không nhắn cho bạn về tin báo này nữa.)
btn-answer = ✍️ Trả lời câu hỏi
follow-questions = <b>Cán bộ hỏi thêm:</b>
follow-ask-answer = Câu hỏi: <i>{ $question }</i>
    Gõ câu trả lời của bạn:
follow-answer-sent = ✅ Đã gửi câu trả lời tới cán bộ, vẫn ẩn danh. Cảm ơn bạn!
officers-list =
    <b>Cán bộ của phường</b>
    { $list }
    Bấm ❌ để gỡ quyền một cán bộ (có hiệu lực ngay).
role-admin = quản trị viên
role-officer = cán bộ
officer-removed = Đã gỡ quyền của { $name }.
officer-claims-released = { $count } tin báo { $name } đã nhận được trả lại thành tin mới, chờ cán bộ khác nhận; thẻ trong nhóm đã ghi lại như vậy.
officer-left-group = { $name } đã được đưa ra khỏi nhóm Công an phường. Nếu sau này cần, quản trị viên nhóm vẫn mời lại được.
officer-group-removal-failed = ⚠️ Bot không đưa được { $name } ra khỏi nhóm Công an phường: { $reason } Người này đã mất quyền với tin báo, nhưng vẫn đọc được tin mới gửi vào nhóm — hãy tự xóa họ khỏi nhóm.
group-removal-no-right = bot chưa có quyền “Cấm người dùng” trong nhóm (trong cài đặt nhóm: Quản trị viên → bot → bật “Cấm người dùng”).
group-removal-owner = người này là chủ nhóm.
group-removal-group-admin = người này là quản trị viên của nhóm, bot không gỡ được (hãy bỏ quyền quản trị nhóm của họ trước).
group-removal-bot-gone = bot không còn ở trong nhóm.
group-removal-other = Telegram không cho (“{ $error }”).
heads-usage = Cách dùng: /heads (mọi { ward-unit }) hoặc /heads SỐ ({ ward-unit } số SỐ) — { ward-head }, { ward-deputy } đang hoạt động; bấm ❌ để cho thôi.
heads-none = Không có { ward-head }, { ward-deputy } nào đang hoạt động.
heads-list =
    <b>{ ward-head-cap }, { ward-deputy } đang hoạt động</b>
    { $list }

    Bấm ❌ để cho thôi: người đó không còn nhận lời nhắc và không trả lời thay { ward-unit } được nữa.
heads-more = … và { $more } người nữa: xem từng { ward-unit } bằng /heads SỐ.
head-removed = Đã cho thôi: <b>{ $name }</b> ({ $quarter }).
ag-contacts-usage = Cách dùng: /contacts SỐ — người báo cáo của cơ quan số SỐ trong /agencies; bấm ❌ để cho thôi.
ag-contacts-none = <b>{ $agency }</b> không có người báo cáo nào đang hoạt động.
ag-contacts-list =
    <b>Người báo cáo của { $agency }</b>
    { $list }

    Bấm ❌ để cho thôi: người đó không còn nhận lời nhắc và không xác nhận thay cơ quan được nữa.
ag-contact-removed = Đã cho thôi: <b>{ $name }</b> ({ $agency }).
person-already-removed = Người này đã thôi, hoặc không thuộc phường của bạn.
tips-list =
    <b>Tin báo đang mở: { $total }</b> (lọc: { $filter }; trang { $page }/{ $pages })
    { $lines }
tips-all = Tất cả
tips-none = (không có)
btn-verifying = 🔍 Đang xác minh
btn-acted = 🤝 Đã chuyển xử lý
card-status-verifying = Trạng thái: 🔍 { $officer } đang xác minh
card-status-acted = Trạng thái: 🤝 Đã chuyển xử lý ({ $officer })
follow-status-acted = 🤝 Đã được chuyển xử lý
btn-notify-stop = 🔕 Tắt thông báo
follow-notify-stopped = 🔕 Đã tắt thông báo: bot đã xóa cách liên lạc với bạn về tin báo này.
tips-new = 🆕 Chưa ai nhận
tips-taken = 🙋 Đã có người nhận
tip-limit-hour = Bạn đã gửi nhiều tin báo trong một giờ qua. Vui lòng thử lại sau. Nếu có nguy hiểm ngay lúc này, hãy gọi 113.
tip-limit-day = Bạn đã gửi nhiều tin báo trong hôm nay. Vui lòng thử lại vào ngày mai. Nếu có nguy hiểm ngay lúc này, hãy gọi 113.
flood-slow-down = Bạn gửi quá nhanh. Vui lòng chậm lại một chút; các tin nhắn vừa rồi đã bị bỏ qua.
qs-invalid = ⛔ { ward-unit-cap } hoặc ngày quyết định không hợp lệ (ngày không được ở tương lai).
qs-usage = Cách dùng: /quarterstatus SỐ [NGÀY] [SỐ QUYẾT ĐỊNH] [CƠ QUAN BAN HÀNH] — SỐ là số thứ tự của { ward-unit }, ví dụ /quarterstatus 5 12/11/2026 Quyết định số 15/QĐ-UBND của UBND phường, rồi chọn tình trạng ghi trong quyết định. Tiêu chí theo Quyết định 28/2025/QĐ-TTg, trình tự và thẩm quyền theo Hướng dẫn 37/HD-BCA-C04. Ngày không được sau hôm nay.
qs-choose = { $quarter }: quyết định ngày { $date } xác định tình trạng nào?
qs-no-decision = <i>Chưa ghi số quyết định và cơ quan ban hành: có thể gõ sau ngày, ví dụ /quarterstatus { $n } 12/11/2026 Quyết định số 15/QĐ-UBND của UBND phường.</i>
qs-drug_free = ✅ Không ma túy
qs-building = 🔨 Đang xây dựng
qs-at_risk = 🟠 Có nguy cơ phát sinh phức tạp
qs-hotspot = 🔴 Trọng điểm phức tạp
qs-unassessed = ⚪ Chưa đánh giá
qs-recorded = Đã ghi nhận: { $quarter } — { $status }, theo quyết định ngày { $date }.
target-usage = Cách dùng: /target NĂM SỐ — SỐ là số { ward-unit } không ma túy, ví dụ /target 2026 10 (chỉ quản trị viên; không quá số { ward-unit } của phường). Gõ /target để xem mục tiêu từng năm và nguồn của chúng.
target-set = ✅ Đã đặt mục tiêu năm { $year }: { $count } { ward-unit } không ma túy (phường tự đặt).
target-list =
    🎯 <b>Mục tiêu { ward-unit } không ma túy đến cuối mỗi năm — { $ward }</b> ({ $quarters } { ward-unit })
    { $lines }

    Quản trị viên đặt hoặc xác nhận: /target NĂM SỐ, ví dụ /target 2025 9. Mục tiêu lấy từ Kế hoạch của UBND phường Quy Nhơn Đông chỉ là gợi ý: mỗi phường theo kế hoạch của mình.
target-line-ward = • { $year }: <b>{ $count }</b> { ward-unit } (tỷ lệ { $percent }%) — phường đã xác nhận ngày { $date }
target-line-ward-undated = • { $year }: <b>{ $count }</b> { ward-unit } (tỷ lệ { $percent }%) — phường tự đặt
target-line-plan = • { $year }: <b>{ $count }</b> { ward-unit } — theo Kế hoạch của UBND phường Quy Nhơn Đông: { $planCount }/19 (tỷ lệ { $planPercent }%), quy đổi theo { $quarters } { ward-unit } của phường; <i>chưa xác nhận</i>
target-line-plan-share = • { $year }: <b>{ $count }</b> { ward-unit } — Kế hoạch của UBND phường Quy Nhơn Đông ghi tỷ lệ { $planPercent }%, quy đổi theo { $quarters } { ward-unit } của phường; nhưng phép tính của Kế hoạch (giữ vững năm 2025, xây dựng thêm ít nhất 01 đơn vị để có 10/19 năm 2026) cho { $implied }/19, tức { $scaledImplied } { ward-unit }. <i>Xin xác nhận</i>: /target { $year } SỐ
roadmap-target = mục tiêu
roadmap-actual = { ward-unit-cap } không ma túy (thực tế)
roadmap-text =
    🗺 <b>Lộ trình xây dựng { ward-unit } không ma túy — { $ward }</b>
    { $lines }
    { $behind }
roadmap-behind = Năm nay chưa đạt, các { ward-unit } chưa được công nhận: { $quarters }
roadmap-unconfirmed = chưa xác nhận
roadmap-unconfirmed-note = <i>Mục tiêu “chưa xác nhận” lấy từ Kế hoạch của UBND phường Quy Nhơn Đông, quy đổi theo số { ward-unit }: xem nguồn và xác nhận bằng /target.</i>
roadmap-chart-title = Lộ trình { ward-unit } không ma túy — { $ward }

## Cơ quan, hạn báo cáo, báo cáo 6 tháng / năm
ag-contacts = { $count } người báo cáo
ag-list =
    🏢 <b>Báo cáo kết quả thực hiện Kế hoạch: gửi UBND phường qua Công an phường</b>
    { $collector }

    <b>Các cơ quan báo cáo</b> (định kỳ trước ngày 15/6 và trước ngày 15/12, hoặc đột xuất khi được yêu cầu):
    { $lines }

    Mời người báo cáo: /inviteagency SỐ. Các { ward-unit }: { ward-head }, { ward-deputy } cũng xác nhận được.
ag-collector =
    👮 <b>{ $name }</b>: đầu mối nhận báo cáo của các cơ quan, tổng hợp cùng kết quả của mình, báo cáo UBND phường. Không phải nộp cho chính mình.
    <i>Nhiệm vụ: { $duty }</i>
ag-collector-none = 👮 Công an phường là đầu mối nhận và tổng hợp báo cáo.
ag-duty-line = <i>   Nhiệm vụ: { $duty }</i>
ag-quarters-duty = 🏘 <i>Các { ward-unit } — nhiệm vụ: { $duty }</i>
ag-duty-police = Chủ trì, tham mưu UBND phường triển khai Kế hoạch; rà soát, xác định địa bàn trọng điểm, đăng ký lộ trình hằng năm và hướng dẫn tiêu chí theo Quyết định 28/2025/QĐ-TTg; tuyên truyền, duy trì ít nhất 01 mô hình; quản lý người sau cai, phòng ngừa tái phạm; hướng dẫn, đôn đốc, kiểm tra các cơ quan; định kỳ tổng hợp, báo cáo kết quả.
ag-duty-health = Bảo đảm cơ sở vật chất, nhân lực để xác định tình trạng nghiện; giúp kịp thời phát hiện người nghiện và áp dụng biện pháp cai nghiện; tập huấn cán bộ y tế về xác định tình trạng nghiện, điều trị nghiện.
ag-duty-economy = Tham mưu UBND phường bố trí kinh phí thực hiện Kế hoạch.
ag-duty-culture = Phối hợp rà soát, quản lý người nghiện, người sử dụng trái phép, người sau cai; 100% trường học đạt tiêu chí “Trường học không ma túy”, tuyên truyền cho cán bộ, giáo viên, học sinh; Đài truyền thanh phường tuyên truyền, cảnh báo; mô hình hỗ trợ việc làm, vốn vay cho người sau cai.
ag-duty-front = Vận động Nhân dân phát hiện, tố giác (cả qua ứng dụng VNeID); phong trào “Toàn dân tham gia phòng, chống ma túy”; vận động cai nghiện, điều trị bằng thuốc thay thế; giúp người sau cai hòa nhập cộng đồng; biểu dương điển hình.
ag-duty-quarter = Nắm chắc tình hình, kịp thời báo Công an phường; thường xuyên cập nhật người sử dụng, người nghiện, người sau cai trên địa bàn; phát động phong trào tố giác; phối hợp xác định { ward-unit } phức tạp và { ward-unit } không ma túy.
ag-invite-usage = Cách dùng: /inviteagency SỐ — số của cơ quan trong /agencies.
ag-invite-created =
    Liên kết mời người báo cáo của { $agency } (dùng một lần, hết hạn { $expires }):
    { $link }
ag-invite-confirm = Bạn được mời làm người báo cáo của <b>{ $agency }</b> ({ $ward }). Bạn sẽ nhận nhắc hạn báo cáo và xác nhận đã nộp tại đây.
ag-registered = ✅ Bạn là người báo cáo của <b>{ $agency }</b> ({ $ward }). Bot sẽ nhắc trước mỗi hạn báo cáo.
ag-added = Đã thêm cơ quan <b>{ $agency }</b>. Mời người báo cáo bằng /inviteagency.
ag-add-usage = Cách dùng: /addagency TÊN CƠ QUAN (2–80 ký tự).
ag-remove-usage = Cách dùng: /removeagency SỐ — số của cơ quan trong /agencies.
ag-removed = Đã bỏ cơ quan <b>{ $agency }</b>: không còn nhắc hạn báo cáo.
dl-date = { $day }/{ $month }/{ $year }
dl-due = { $rule ->
    [before] trước ngày { $date }
   *[on_or_before] chậm nhất ngày { $date }
}
dl-due-note = { $rule ->
    [before] nộp ngày { $date } là muộn
   *[on_or_before] nộp trong ngày { $date } vẫn đúng hạn
}
dl-new =
    📋 <b>Yêu cầu báo cáo — { $agency }</b>
    { $title }
    Hạn nộp: <b>{ $due }</b> ({ $days ->
        [0] hôm nay là ngày cuối
       *[other] còn { $days } ngày nữa
    }).
    Báo cáo gửi UBND phường qua Công an phường: bấm “✅ Đã nộp” khi đã nộp, hoặc gửi file báo cáo tại đây.
dl-remind-before =
    ⏰ <b>Nhắc hạn báo cáo — { $agency }</b>
    { $title }
    Hạn nộp: <b>{ $due }</b> — còn { $days } ngày nữa.
dl-remind-today =
    ⏰ <b>Hôm nay là ngày cuối để nộp đúng hạn — { $agency }</b>
    { $title }
    Hạn nộp: <b>{ $due }</b>.
dl-remind-overdue =
    ⚠️ <b>Quá hạn { $days } ngày — { $agency }</b>
    { $title }
    Hạn nộp: { $due } (đã qua). Xin gửi báo cáo sớm.
btn-dl-done = ✅ Đã nộp
btn-dl-file = 📎 Gửi file báo cáo
dl-done-toast = Đã ghi nhận
dl-done = ✅ Đã ghi nhận: { $agency } đã nộp “{ $title }” ngày { $date }. Có thể gửi kèm file báo cáo.
dl-not-contact = Bạn không phải người báo cáo của cơ quan này.
dl-not-found = Không tìm thấy hạn báo cáo này.
dl-group-submitted = ✅ <b>{ $agency }</b> đã nộp “{ $title }” ngày { $date } ({ $by }).
dl-group-submitted-late = ✅ <b>{ $agency }</b> đã nộp “{ $title }” ngày { $date } ({ $by }) — muộn { $days } ngày.
dl-file-ask = Gửi file báo cáo của <b>{ $agency }</b> cho “{ $title }”: Word, Excel, PDF hoặc ảnh chụp.
dl-file-hint = Xin gửi file (tài liệu) hoặc ảnh chụp báo cáo, hoặc { word-tap } “{ $cancel }”.
dl-file-received = 📎 Đã nhận file “{ $name }” của <b>{ $agency }</b> cho “{ $title }” và chuyển tới công an phường.
dl-file-cancelled = Đã hủy gửi file. Bấm lại “📎 Gửi file báo cáo” khi sẵn sàng.
dl-private-only = Hãy dùng /deadline trong tin nhắn riêng với bot.
dl-ask-title = Bước 1/3: Tên báo cáo cần nộp? (ví dụ: <i>Báo cáo đột xuất tình hình ma túy dịp Tết</i>, tối đa { $max } ký tự)
dl-ask-date = Bước 2/3: Hạn nộp? Gõ ngày, ví dụ <b>trước { $example }</b> (như “trước ngày 15/6” của Kế hoạch: nộp ngày { $example } là muộn) hoặc <b>chậm nhất { $example }</b> (nộp trong ngày { $example } vẫn đúng hạn). Chỉ gõ ngày thì hiểu là “trước ngày”.
dl-date-invalid = Ngày chưa đúng. Gõ một ngày trong vòng một năm tới, ví dụ “trước 15/6/2027” hoặc “chậm nhất 15/6/2027”; hạn “trước ngày” phải sau hôm nay.
dl-ask-agencies = Bước 3/3: Cơ quan nào phải nộp?
btn-dl-all = Tất cả ({ $count })
btn-dl-offices = Các phòng ban ({ $count })
btn-dl-quarters = Các { ward-unit } ({ $count })
btn-dl-pick = Chọn theo số
dl-ask-numbers =
    Gõ số các cơ quan, ví dụ <b>1,3,5-7</b>:
    { $list }
dl-numbers-invalid = Chưa đúng. Gõ các số từ 1 đến { $max }, cách nhau bằng dấu phẩy, ví dụ 1,3,5-7.
dl-review =
    <b>Xem lại</b>
    Báo cáo: { $title }
    Hạn nộp: { $due } ({ dl-due-note })
    { $count } cơ quan: { $agencies }
btn-dl-create = ✅ Tạo và gửi yêu cầu
dl-created = Đã tạo hạn “{ $title }” ({ $due }) và gửi yêu cầu tới { $count } cơ quan. Xem tiến độ: /deadlines
dl-cancelled = Đã hủy, chưa tạo hạn báo cáo nào.
dl-board =
    📊 <b>{ $title }</b> — hạn nộp { $due }
    { $ward }: đã nộp { $submitted }/{ $total }, quá hạn { $overdue }
    { $lines }
dl-board-on-time = ✅ { $agency } — nộp { $date }{ $file }
dl-board-late = 🟡 { $agency } — nộp { $date }, muộn { $days } ngày{ $file }
dl-board-overdue = ❌ { $agency } — chưa nộp, quá hạn { $days } ngày
dl-board-pending = ⏳ { $agency } — chưa nộp, { $days ->
    [0] hôm nay là ngày cuối
   *[other] còn { $days } ngày nữa
}
dl-board-none = Chưa có hạn báo cáo nào trong thời gian này.
rp-usage = Cách dùng: /report rồi chọn kỳ, hoặc ghi kỳ: /report 2026-03 (tháng 3/2026), /report 2026-Q1 (quý I/2026), /report 2026-H1 (6 tháng đầu năm 2026), /report 2026 (năm 2026). Số liệu mỗi kỳ chốt từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019/NĐ-CP).
rp-working = ⏳ Đang tổng hợp báo cáo…
rp-auto = 📅 Báo cáo { $period } nộp { $due }: đây là số liệu tổng hợp đến hôm nay.
rp-period-half = 6 tháng đầu năm { $year }
rp-period-year = năm { $year }
rp-caption = Báo cáo { $period } — số liệu đến { $asOf }
rp-caption-docx = 📝 Dự thảo báo cáo { $period } (Word): ghi số, ngày ký, phần đánh giá, rồi trình ký.
rp-choose = 📑 Chọn kỳ báo cáo (số liệu mỗi kỳ chốt từ ngày 15 tháng trước đến ngày 14):
btn-rp-month = Tháng { $month }/{ $year }
btn-rp-quarter = Quý { $quarter }/{ $year }
btn-rp-half = 6 tháng đầu năm { $year }
btn-rp-year = Năm { $year }
rollup-usage = Cách dùng: /rollup rồi chọn kỳ, hoặc ghi kỳ: /rollup 2026-03, /rollup 2026-Q1, /rollup 2026-H1, /rollup 2026.
rollup-caption = Tổng hợp { $period } của { $wards } phường, xã — chỉ số liệu tổng hợp, không có tin báo hay người nào.
rollup-none = Chưa có phường, xã nào.
rp-summary =
    📑 <b>Báo cáo { $period } — { $ward }</b>
    Kỳ báo cáo: { $from } – { $to } (số liệu đến { $asOf })
    • Tin báo nhận được: <b>{ $tips }</b> (khẩn cấp { $urgent }); xác minh đúng { $confirmed }, không có cơ sở { $unfounded }, tin rác { $spam }; đang xác minh { $open }, đã chuyển xử lý { $acted }
    • Từ tin báo xác minh đúng: khởi tố, lập hồ sơ { $cases } vụ ({ $people } đối tượng), xử lý hành chính { $administrative } người, triệt xóa { $points } điểm
    • Báo cáo tuần: { $answered }/{ $expected } lượt ({ $rate }%), { $signs } lượt có dấu hiệu; người mới nghi sử dụng trong kỳ: { $newUsers }
    • Đang quản lý cuối kỳ: nghiện { $addicts }, sử dụng { $users }, sau cai { $postRehab }
    • Hạn báo cáo: đúng hạn { $onTime }, muộn { $late }, quá hạn { $overdue }, chưa đến hạn { $pending }
    • { $Units } không ma túy: { $drugFree }/{ $quarters } (mục tiêu năm { $year }: { $target })
rp-sheet-summary = Tổng hợp
rp-sheet-tips = Tin báo
rp-sheet-checkins = Báo cáo tuần
rp-sheet-deadlines = Hạn báo cáo
rp-sheet-roadmap = Lộ trình
rp-title = BÁO CÁO KẾT QUẢ XÂY DỰNG PHƯỜNG KHÔNG MA TÚY — { $period }
rp-range = Kỳ báo cáo: { $from } – { $to }; số liệu đến ngày { $asOf }
rp-col-item = Nội dung
rp-col-value = Số liệu
rp-col-category = Loại tin báo
rp-col-total = Tổng
rp-col-weeks = Số tuần
rp-col-answered = Đã báo cáo
rp-col-rate = Tỷ lệ (%)
rp-col-signs = Có dấu hiệu
rp-col-urgent = Khẩn
rp-col-deadline = Hạn báo cáo
rp-col-due = Hạn nộp
rp-col-agency = Cơ quan
rp-col-state = Tình trạng
rp-col-submitted = Ngày nộp
rp-col-days = Số ngày
rp-col-file = Có file
rp-state-on_time = Đúng hạn
rp-state-late = Nộp muộn
rp-state-overdue = Quá hạn
rp-state-pending = Chưa đến hạn
rp-roadmap-line = Năm { $year }: { $actual }/{ $total } { $units } không ma túy (mục tiêu { $target })
rp-col-status = Tình trạng
rp-col-note = Quyết định (số, cơ quan ban hành), ghi chú
rp-col-decided = Ngày quyết định
rp-qs-drug_free = Không ma túy
rp-qs-building = Đang xây dựng
rp-qs-at_risk = Có nguy cơ phát sinh phức tạp
rp-qs-hotspot = Trọng điểm phức tạp
rp-qs-unassessed = Chưa đánh giá
rp-period-month = tháng { $month } năm { $year }
rp-period-quarter = quý { $quarter } năm { $year }
rp-unit = { ward-unit }
rp-units = { ward-units }
rp-and = và
rp-sheet-sentences = Câu để dán
rp-sheet-outcomes = Kết quả xử lý
rp-col-number = STT
rp-col-sentences = Câu viết sẵn (sao chép vào báo cáo)
rp-col-ward = Phường, xã
rp-not-collected = “—”: chưa có { $units } nào báo số liệu này (số liệu cuối kỳ chỉ cộng các { $units } đã báo).
rp-sec-tips = I. TIN BÁO VỀ MA TÚY (QUA KÊNH TIN BÁO ẨN DANH)
rp-fig-tips-total = Tin báo tiếp nhận
rp-fig-result-open = Đang xác minh
rp-fig-result-acted = Đã chuyển xử lý
rp-fig-result-confirmed = Xác minh đúng
rp-fig-result-unfounded = Không có cơ sở
rp-fig-result-spam = Tin rác
rp-fig-result-duplicate = Trùng tin khác
rp-fig-priority = Mức độ: { $label }
rp-fig-category = Nội dung: { $label }
rp-sec-outcomes = II. KẾT QUẢ XỬ LÝ TỪ TIN BÁO XÁC MINH ĐÚNG
rp-fig-out-tips = Tin báo có kết quả xử lý
rp-fig-out-cases = Vụ án khởi tố, lập hồ sơ
rp-fig-out-case-people = Đối tượng bị bắt, khởi tố
rp-fig-out-case-unknown = Vụ chưa ghi số đối tượng
rp-fig-out-administrative = Người bị xử lý hành chính
rp-fig-out-dealing-points = Điểm mua bán bị triệt xóa
rp-fig-out-venues = Điểm tổ chức, chứa chấp sử dụng bị triệt xóa
rp-fig-out-plant-sites = Nơi nhổ bỏ, tiêu hủy cây có chứa chất ma túy
rp-fig-out-plants = Số cây bị nhổ bỏ, tiêu hủy
rp-fig-out-premises = Cơ sở kinh doanh được kiểm tra
rp-fig-out-handed-over = Tin báo chuyển đơn vị khác xử lý
rp-sec-checkins = III. BÁO CÁO TUẦN CỦA CÁC { $UNITS }
rp-fig-ci-expected = Lượt báo cáo tuần phải gửi
rp-fig-ci-answered = Lượt báo cáo tuần đã gửi
rp-fig-ci-rate = Tỷ lệ gửi báo cáo tuần (%)
rp-fig-ci-signs = Lượt báo có dấu hiệu liên quan ma túy
rp-fig-ci-urgent = Lượt báo việc khẩn
rp-fig-stock = { $label } (đến { $asOf }; { $known }/{ $quarters } { $units } đã báo)
rp-col-stock = { $label } (đến { $asOf })
rp-sheet-flows = Diễn biến trong kỳ
rp-sec-roadmap = IV. XÂY DỰNG { $UNITS } KHÔNG MA TÚY
rp-fig-roadmap-actual = { $Units } được ghi nhận đạt “không ma túy” (đến { $asOf })
rp-fig-roadmap-target = Mục tiêu năm { $year }
rp-fig-roadmap-total = Tổng số { $units }
rp-sec-deadlines = V. CHẾ ĐỘ BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ
rp-fig-dl-on_time = Lượt nộp đúng hạn
rp-fig-dl-late = Lượt nộp muộn
rp-fig-dl-overdue = Lượt quá hạn chưa nộp
rp-fig-dl-pending = Lượt chưa đến hạn
rp-say-sec-tips = Tiếp nhận, xác minh tin báo
rp-say-sec-outcomes = Kết quả xử lý từ tin báo
rp-say-sec-checkins = Tình hình tại các { $units }
rp-say-sec-awareness = Công tác tuyên truyền
rp-say-sec-roadmap = Xây dựng { $units } không ma túy
rp-say-sec-deadlines = Chế độ báo cáo
rp-say-tips =
    { $total ->
        [0] Trong kỳ, phường không nhận được tin báo nào về ma túy qua kênh tin báo ẩn danh.
       *[other] Trong kỳ, phường đã tiếp nhận { $total } tin báo về ma túy qua kênh tin báo ẩn danh (trong đó { $urgent } tin khẩn cấp); qua xác minh, { $confirmed } tin đúng, { $unfounded } tin không có cơ sở; { $spam } tin rác và { $duplicate } tin trùng với tin đã nhận; { $acted } tin đã chuyển xử lý, { $open } tin đang xác minh.
    }
rp-say-categories = Theo nội dung: { $list }.
rp-say-cat-dealing = { $count } tin về mua bán trái phép chất ma túy
rp-say-cat-use_venue = { $count } tin về điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy
rp-say-cat-plant_growing = { $count } tin về trồng cây có chứa chất ma túy
rp-say-cat-school = { $count } tin liên quan đến trường học, học sinh
rp-say-cat-person_using = { $count } tin về người sử dụng, nghiện ma túy
rp-say-cat-other = { $count } tin về dấu hiệu khác
rp-say-outcomes = Trong kỳ, từ các tin báo xác minh đúng, đã { $list }.
rp-say-outcomes-none = Trong kỳ, chưa ghi nhận kết quả xử lý nào từ các tin báo xác minh đúng.
rp-say-out-case_opened =
    { $shape ->
        [unknown] khởi tố, lập hồ sơ { $times } vụ án (chưa ghi số đối tượng)
        [some] khởi tố, lập hồ sơ { $times } vụ án với { $count } đối tượng (trong đó { $unknown } vụ chưa ghi số đối tượng)
       *[known] khởi tố, lập hồ sơ { $times } vụ án với { $count } đối tượng
    }
rp-say-out-administrative = xử lý hành chính { $count } người
rp-say-out-dealing_point_dismantled = triệt xóa { $count } điểm mua bán trái phép chất ma túy
rp-say-out-venue_dismantled = triệt xóa { $count } điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy
rp-say-out-plants_destroyed =
    { $shape ->
        [unknown] nhổ bỏ, tiêu hủy cây có chứa chất ma túy tại { $times } nơi
        [some] nhổ bỏ, tiêu hủy cây có chứa chất ma túy tại { $times } nơi (ít nhất { $count } cây)
       *[known] nhổ bỏ, tiêu hủy { $count } cây có chứa chất ma túy tại { $times } nơi
    }
rp-say-out-premises_inspected = kiểm tra { $count } cơ sở kinh doanh
rp-say-out-handed_over = chuyển { $times } tin báo cho đơn vị khác xử lý
rp-say-checkins-none = Trong kỳ chưa có báo cáo tuần nào của các { $units }.
rp-say-checkins = Các { $units } đã gửi { $answered }/{ $expected } lượt báo cáo tuần (đạt { $rate }%), trong đó { $signs } lượt báo có dấu hiệu liên quan đến ma túy và { $urgent } lượt báo việc khẩn.
rp-say-stocks = Đến ngày { $asOf }, theo báo cáo của các { $units }, trên địa bàn đang quản lý { $addicts } người nghiện ma túy, { $users } người sử dụng trái phép chất ma túy và { $postRehab } người sau cai nghiện.
rp-say-flows = Trong kỳ, các { $units } báo phát hiện mới { $newSuspectedUsers } người nghi sử dụng ma túy; { $backFromRehab } người từ cơ sở cai nghiện trở về, { $backFromPrison } người chấp hành xong án phạt tù trở về; { $relapsed } người tái nghiện; { $movedAway } người đang quản lý chuyển đi nơi khác; { $incidents } vụ việc do người sử dụng ma túy gây ra.
rp-say-found = Qua báo cáo của các { $units }, phát hiện { $dealingPoints } điểm nghi mua bán, { $venues } điểm nghi tổ chức, chứa chấp sử dụng ma túy và { $plantSites } nơi trồng cây có chứa chất ma túy.
rp-say-awareness =
    { $sessions ->
        [0] Trong kỳ, các { $units } chưa báo buổi tuyên truyền phòng, chống ma túy nào.
       *[other] Các { $units } đã tổ chức { $sessions } buổi tuyên truyền phòng, chống ma túy với { $participants } lượt người tham dự.
    }
rp-say-roadmap =
    { $short ->
        [0] Đến ngày { $asOf }, { $actual }/{ $total } { $units } được ghi nhận đạt tiêu chí “không ma túy”, đạt mục tiêu năm { $year } ({ $target } { $units }).
       *[other] Đến ngày { $asOf }, { $actual }/{ $total } { $units } được ghi nhận đạt tiêu chí “không ma túy”; mục tiêu năm { $year } là { $target } { $units }, còn { $short } { $units } chưa đạt.
    }
rp-say-deadlines-none = Trong kỳ không có hạn nộp báo cáo nào của các cơ quan, đơn vị.
rp-say-deadlines =
    { $pending ->
        [0] Về chế độ báo cáo, trong kỳ có { $total } lượt cơ quan, đơn vị phải nộp báo cáo: { $onTime } lượt nộp đúng hạn, { $late } lượt nộp muộn, { $overdue } lượt quá hạn chưa nộp.
       *[other] Về chế độ báo cáo, trong kỳ có { $total } lượt cơ quan, đơn vị phải nộp báo cáo: { $onTime } lượt nộp đúng hạn, { $late } lượt nộp muộn, { $overdue } lượt quá hạn chưa nộp, { $pending } lượt chưa đến hạn.
    }
rp-doc-parent = CÔNG AN TỈNH ……………
rp-doc-issuer = CÔNG AN { $WARD }
rp-doc-number = Số: …/BC-…
rp-doc-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
rp-doc-motto = Độc lập - Tự do - Hạnh phúc
rp-doc-place-date = { $place }, ngày … tháng … năm { $year }
rp-doc-kind = BÁO CÁO
rp-doc-title = Kết quả thực hiện kế hoạch xây dựng phường không ma túy { $period }
rp-doc-range = (Số liệu từ ngày { $from } đến ngày { $to }; tổng hợp đến ngày { $asOf })
rp-doc-sec-results = I. KẾT QUẢ THỰC HIỆN
rp-doc-figures = Bảng số liệu trong kỳ
rp-doc-sec-assessment = II. ĐÁNH GIÁ CHUNG
rp-doc-strengths = 1. Ưu điểm: ……………………………………………
rp-doc-weaknesses = 2. Hạn chế, nguyên nhân: ……………………………………
rp-doc-sec-next = III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI
rp-doc-sec-proposals = IV. ĐỀ XUẤT, KIẾN NGHỊ
rp-doc-fill = ……………………………………………………………
rp-doc-closing = Trên đây là báo cáo kết quả thực hiện kế hoạch xây dựng phường không ma túy { $period } của Công an { $ward }./.
rp-doc-recipients-title = Nơi nhận:
rp-doc-recipients =
    - UBND phường (để báo cáo);
    - Đảng ủy phường (để báo cáo);
    - Lưu: VT, ….
rp-doc-signer = TRƯỞNG CÔNG AN PHƯỜNG
rp-doc-sign-hint = (Ký, ghi rõ họ tên, đóng dấu)
rp-doc-signer-name = ……………………
rp-rollup-title = TỔNG HỢP KẾT QUẢ XÂY DỰNG PHƯỜNG, XÃ KHÔNG MA TÚY — { $period }
rp-rollup-range = Kỳ báo cáo: { $from } – { $to }; { $wards } phường, xã (chỉ số liệu tổng hợp)

## Zalo (không có nút bấm: lựa chọn được liệt kê, người dùng nhắn số hoặc chữ)
zalo-choose-number = 👉 Nhắn số (1–{ $max }) để chọn.
zalo-choose-word = 👉 Nhắn { $words } để chọn.
staff-telegram-only = Cán bộ công an phường dùng bot trên Telegram (nhóm công an phường). Trên Zalo, bot nhận tin báo của người dân và báo cáo tuần của { ward-head }.
invite-zalo-line = Nếu dùng Zalo: nhắn “{ $code }” cho bot Zalo của phường.

## Lời nói theo kênh: Telegram có nút bấm, Zalo thì nhắn (gõ) lựa chọn.
word-tap = { $channel ->
    [zalo] nhắn
   *[other] bấm
}
word-Tap = { $channel ->
    [zalo] Nhắn
   *[other] Bấm
}
word-tap-below = { $channel ->
    [zalo] Nhắn số của một lựa chọn bên dưới
   *[other] Bấm nút bên dưới
}
word-choices-above = { $channel ->
    [zalo] bằng cách nhắn số của một lựa chọn bên trên
   *[other] bằng các nút bên trên
}

## Rời một luồng giữa chừng (ask.ts): /start, /help, /lang, /status, /tip, mã biên nhận
flow-left-tip = ↩️ Đã thoát phần soạn tin báo: tin báo chưa được gửi, không có gì được lưu lại.
flow-left-follow = ↩️ Đã thoát phần theo dõi tin báo. Phần bổ sung chưa gửi (nếu có) không được chuyển đi.
flow-left-checkin = ↩️ Đã thoát báo cáo tuần đang làm: báo cáo chưa được gửi. Có thể làm lại từ tin nhắn báo cáo tuần.
flow-left-deadline = ↩️ Đã thoát: hạn báo cáo đang đặt chưa được tạo.
flow-left-file = ↩️ Đã thoát: chưa gửi file báo cáo nào.
flow-doing-tip = đang soạn tin báo
flow-doing-follow = đang theo dõi tin báo
flow-doing-checkin = đang làm báo cáo tuần
flow-doing-deadline = đang đặt hạn báo cáo
flow-doing-file = đang gửi file báo cáo
flow-command-refused = Lệnh { $command } chưa dùng được khi { $doing }. Hãy trả lời câu hỏi bên trên, hoặc gõ /cancel để thoát. Các lệnh /start, /help, /lang, /status, /tip dùng được bất cứ lúc nào.
button-quoted = “{ $label }”
button-list-separator = {" "}/{" "}
follow-photo-received = Đã nhận ảnh { $count }/{ $max }. Gửi thêm hoặc { word-tap } “{ $send }”.
follow-photo-limit = Đã đủ { $max } ảnh. { word-Tap } “{ $send }” để gửi phần bổ sung.
hint-follow-info = Vui lòng gõ thông tin hoặc gửi ảnh, rồi { word-tap } “{ $send }”. Video, ghi âm và nhãn dán không được nhận.

## /tukhoa: the ward's own words for triage
lex-kind-drug = Ma túy
lex-kind-now = Đang diễn ra
lex-kind-child = Trẻ em, học sinh
lex-kind-danger = Nguy hiểm
lex-list-header = 📖 <b>Từ khóa riêng của phường</b> (bot dùng thêm khi xếp mức độ tin báo mới):
lex-list-empty = Chưa có từ nào.
lex-default-note = Danh sách từ có sẵn của bot vẫn dùng như mặc định; từ của phường được cộng thêm, không phân biệt dấu, chữ hoa.
lex-usage =
    Thêm: <code>/tukhoa them LOẠI cụm từ</code> — LOẠI là <code>matuy</code>, <code>dangdienra</code>, <code>treem</code> hoặc <code>nguyhiem</code>. Ví dụ: <code>/tukhoa them matuy kẹo bay</code>
    Xóa: <code>/tukhoa xoa cụm từ</code> (quản trị viên, hoặc cán bộ đã thêm từ đó)
lex-added = ✅ Đã thêm “{ $phrase }” ({ $kind }). Tin báo mới có từ này sẽ được xếp mức độ theo đó.
lex-changed = ✅ “{ $phrase }” đã có, nay đổi loại thành: { $kind }.
lex-already = “{ $phrase }” đã có trong danh sách ({ $kind }).
lex-removed = 🗑 Đã xóa “{ $phrase }” ({ $kind }).
lex-not-found = Phường chưa có từ này. Gõ /tukhoa để xem danh sách.
lex-not-owner = ⛔ Chỉ quản trị viên hoặc cán bộ đã thêm từ này mới xóa được.
lex-invalid = Cụm từ cần có chữ, tối đa 5 từ và 60 ký tự. Gõ /tukhoa để xem cách dùng.

## Feedback from officers' priority changes (/triage, the card's "why")
card-done-priority-why = Đã đổi mức độ: { $priority }. Vì sao khác với bot xếp? Chọn một lý do bên dưới nếu muốn.
card-reason-recorded = Đã ghi lý do: { $reason }.
card-reason-not-changed = Mức độ tin này vẫn như bot xếp, không cần ghi lý do.
override-reason-happening_now = Đang diễn ra
override-reason-children = Có trẻ em
override-reason-danger = Có nguy hiểm
override-reason-stale_or_unclear = Tin cũ/không rõ
override-reason-duplicate = Trùng tin
override-reason-other = Khác
tr-header = 📊 <b>Bot xếp mức độ, cán bộ giữ hay đổi — { $period }</b> ({ $from } – { $to })
tr-no-tips = Chưa có tin báo nào trong kỳ này.
tr-tips = Tin báo trong kỳ: { $tips }
tr-kept = Cán bộ giữ mức bot xếp: { $kept }/{ $tips } tin ({ $rate } %)
tr-changed = Cán bộ đổi mức độ: { $changed } tin (nâng { $raised }, hạ { $lowered })
tr-none-changed = Cán bộ chưa đổi mức độ tin nào trong kỳ.
tr-line = • { $label }: { $count }
tr-note = Mỗi lần cán bộ đổi mức độ trên thẻ tin báo đều được ghi lại ở đây. Từ lóng bot chưa biết, thêm bằng /tukhoa.
tr-usage = Cách dùng: /triage (năm nay), hoặc ghi kỳ như /report: /triage 2026-03 (tháng 3/2026), /triage 2026-Q1 (quý I/2026), /triage 2026-H1, /triage 2026. Gõ /phanloai cũng được.
tr-sec-agreement = Mức độ bot xếp và cán bộ điều chỉnh
tr-sec-corrections = Đổi nhiều nhất (bot → cán bộ)
tr-sec-reasons = Lý do cán bộ chọn
tr-sec-signals = Dấu hiệu bot thấy ở các tin bị đổi
tr-fig-tips = Tin báo trong kỳ
tr-fig-kept = Cán bộ giữ mức bot xếp
tr-fig-rate = Tỷ lệ thống nhất (%)
tr-fig-changed = Cán bộ đổi mức độ
tr-fig-raised = Nâng mức độ
tr-fig-lowered = Hạ mức độ
tr-without-reason = Không chọn lý do
rp-sheet-triage = Phân loại tin báo

## Liên hệ của công an phường (quản trị viên đặt bằng /lienhephuong), kênh chính thức khác
line-call-113 = 🚨 Nếu có người đang gặp nguy hiểm, hãy <b>gọi ngay 113</b>.
contacts-ward-title = <b>Công an { $ward }</b>
contacts-hotline = 📞 Đường dây nóng: { $hotline }
contacts-address = 📍 Trụ sở: { $address }
contacts-channels = 📮 Có thể tố giác qua ứng dụng <b>VNeID</b> (mục “Tố giác tội phạm”) hoặc bỏ thư vào <b>hòm thư tố giác</b> của phường.
wardcontact-usage =
    <b>Liên hệ của công an phường cho người dân</b> (hiện ở lời chào, /help và biên nhận tin báo)
    /lienhephuong sdt SỐ — đường dây nóng, ví dụ: /lienhephuong sdt 0256 3822 113
    /lienhephuong diachi ĐỊA CHỈ — trụ sở, ví dụ: /lienhephuong diachi 12 Trần Phú
    /lienhephuong xoa [sdt|diachi] — xóa (không ghi gì: xóa cả hai)
wardcontact-current =
    <b>Người dân đang thấy:</b>
    { $lines }
wardcontact-none = Chưa đặt đường dây nóng, địa chỉ: người dân chỉ thấy số 113 và các kênh chung.
wardcontact-saved = ✅ Đã lưu. Người dân sẽ thấy:
wardcontact-cleared = ✅ Đã xóa.
wardcontact-invalid-hotline = ⚠️ “{ $value }” không phải số điện thoại Việt Nam. Ví dụ: 0256 3822 113, 0912 345 678, 069 234 5678.
wardcontact-invalid-address = ⚠️ Địa chỉ cần từ 5 đến 200 ký tự, trên một dòng.

## Giúp người thân (/giupnguoithan): thông tin, không lưu gì về người xem
btn-family = 👪 Giúp người thân
family-btn-rehab = 🏠 Cai nghiện tại nhà, cộng đồng
family-btn-assess = 🩺 Xác định tình trạng nghiện
family-btn-methadone = 💊 Điều trị Methadone
family-btn-legal = ⚖️ Trợ giúp pháp lý miễn phí
family-btn-talk = 💬 Nói chuyện với con
family-btn-contacts = 📞 Liên hệ công an phường
family-btn-back = ↩️ Các mục khác
family-intro =
    <b>👪 Giúp người thân</b>
    Người nhà đang dùng ma túy? Bạn không đơn độc.
    Cai nghiện là chữa bệnh. Nhà nước có nhiều cách hỗ trợ.
    { $channel ->
        [zalo] Dưới đây là những điều gia đình cần biết.
       *[other] Bấm một mục bên dưới để xem.
    }
    🔒 Bot không lưu gì về người xem.
family-rehab =
    <b>🏠 Cai nghiện tự nguyện tại gia đình, cộng đồng</b>
    • Người nghiện có thể tự nguyện cai ngay tại nhà, hoặc tại cộng đồng.
    • Gia đình đăng ký với UBND phường (hỏi { ward-head } hoặc công an phường).
    • Có cán bộ y tế, cán bộ phường theo dõi và giúp đỡ trong thời gian cai.
    • Cũng có thể xin cai tự nguyện tại cơ sở cai nghiện.
family-assess =
    <b>🩺 Xác định tình trạng nghiện</b>
    • Đưa người nhà đến <b>trạm y tế phường</b>.
    • Bác sĩ sẽ khám và xác định có nghiện hay không.
    • Kết quả giúp chọn cách cai phù hợp.
    • Nhớ mang theo giấy tờ tùy thân.
family-methadone =
    <b>💊 Điều trị bằng Methadone</b>
    • Dành cho người nghiện heroin (“hàng trắng”) và các chất dạng thuốc phiện.
    • Uống thuốc mỗi ngày tại cơ sở điều trị, có bác sĩ theo dõi.
    • Người bệnh vẫn đi làm, sống cùng gia đình được.
    • Methadone không dùng cho nghiện ma túy đá.
    • Hỏi trạm y tế phường về nơi điều trị gần nhất.
family-legal =
    <b>⚖️ Trợ giúp pháp lý miễn phí</b>
    • Người nhà bị bắt, bị xử lý? Gia đình có thể xin trợ giúp pháp lý.
    • Miễn phí cho người thuộc diện được trợ giúp: hộ nghèo, trẻ em, người có công…
    • Liên hệ Trung tâm trợ giúp pháp lý nhà nước của tỉnh, thành phố, hoặc hỏi UBND phường.
family-talk =
    <b>💬 Nói chuyện với con</b>
    • Chọn lúc bình tĩnh, nói riêng với con.
    • Đừng la mắng. Hỏi và lắng nghe trước.
    • Nói rõ: bố mẹ lo cho con, muốn giúp con.
    • Đừng giữ một mình: hỏi trạm y tế hoặc cán bộ phường để được tư vấn.
family-contacts-title = <b>📞 Liên hệ</b>

## /trangnguoithan: trang “Giúp người thân” riêng của phường (chỉ quản trị viên)
familypage-usage =
    <b>Trang “Giúp người thân” riêng của phường</b> (thay nội dung chung cho người dân của phường)
    /trangnguoithan MỤC NỘI DUNG — nội dung có thể xuống dòng, ví dụ:
    <code>/trangnguoithan methadone
    • Cơ sở điều trị Methadone: 15 Lê Lợi, sáng thứ 2–7.</code>
    /trangnguoithan MỤC xoa — dùng lại nội dung chung
    MỤC: <code>cainghien</code>, <code>xacdinh</code>, <code>methadone</code>, <code>phaply</code>, <code>noichuyen</code>. Trang liên hệ lấy từ /lienhephuong.
familypage-list =
    <b>Các trang “Giúp người thân” của phường</b>
    { $lines }
familypage-own = riêng của phường
familypage-default = nội dung chung
familypage-saved = ✅ Đã lưu. Người dân của phường sẽ thấy:
familypage-reset = ✅ Trang “{ $topic }” dùng lại nội dung chung.
familypage-reset-none = Trang “{ $topic }” đang dùng nội dung chung.
familypage-invalid = ⚠️ Nội dung cần từ 10 đến 1.200 ký tự.
