<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About axdesk</source>
        <translation>axdesk 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;axdesk %1&lt;/h3&gt;&lt;p&gt;Sell AX Cloud tours: availability, phone orders, supplier confirmations and ticket cancellations.&lt;/p&gt;&lt;p&gt;The API key and channel code stay in the system keyring. Start with &lt;code&gt;axdesk --sandbox&lt;/code&gt; to practise without an account.&lt;/p&gt;&lt;p&gt;Licence: MIT. axdesk runs with the packages listed below, each under its own licence; Qt and PySide6 under the LGPL version 3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;axdesk %1&lt;/h3&gt;&lt;p&gt;AX Cloud 투어 판매 도구: 예약 가능 현황, 전화 주문, 공급사 확정 확인, 티켓 취소.&lt;/p&gt;&lt;p&gt;API 키와 채널 코드는 시스템 키링에만 보관됩니다. 계정 없이 연습하려면 &lt;code&gt;axdesk --sandbox&lt;/code&gt;로 시작하세요.&lt;/p&gt;&lt;p&gt;라이선스: MIT. axdesk는 아래 패키지와 함께 실행되며, 각 패키지는 자체 라이선스를 따릅니다. Qt와 PySide6는 LGPL 버전 3을 따릅니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>구성 요소와 라이선스</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>라이선스 전문</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>This package carries no licence file; its licence is %1.</source>
        <translation>이 패키지에는 라이선스 파일이 없습니다. 라이선스는 %1입니다.</translation>
    </message>
</context>
<context>
    <name>ActivityLines</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>an unnamed desk</source>
        <translation>이름 없는 데스크</translation>
    </message>
    <message>
        <source>Recorded for sending by %1</source>
        <translation>%1 님이 보내기 전에 기록함</translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation>%1 님이 보냄</translation>
    </message>
    <message>
        <source>Outcome not known yet (%1)</source>
        <translation>결과를 아직 모름 (%1)</translation>
    </message>
    <message>
        <source>Refused by AX (sent by %1)</source>
        <translation>AX가 거절함 (보낸 사람: %1)</translation>
    </message>
    <message>
        <source>Cancel asked by %1</source>
        <translation>%1 님이 취소 요청</translation>
    </message>
    <message>
        <source>Cancelled by %1</source>
        <translation>%1 님이 취소함</translation>
    </message>
    <message>
        <source>Cancel refused by AX (asked by %1)</source>
        <translation>AX가 취소를 거절함 (요청한 사람: %1)</translation>
    </message>
    <message>
        <source>Note by %1</source>
        <translation>%1 님의 메모</translation>
    </message>
    <message>
        <source>Looked up by %1</source>
        <translation>%1 님이 조회함</translation>
    </message>
    <message>
        <source>Who did what</source>
        <translation>처리 기록</translation>
    </message>
</context>
<context>
    <name>AxErrorText</name>
    <message>
        <source>AX is slow to answer.</source>
        <translation>AX의 응답이 느립니다.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>AX refused the API key or channel code. Check them in Connection &gt; Connect.</source>
        <translation>AX가 API 키 또는 채널 코드를 거부했습니다. 연결 &gt; 연결 설정에서 확인하세요.</translation>
    </message>
    <message>
        <source>AX does not know this code.</source>
        <translation>AX에 없는 코드입니다.</translation>
    </message>
    <message>
        <source>AX refused the request.</source>
        <translation>AX가 요청을 거절했습니다.</translation>
    </message>
    <message>
        <source>AX asks us to slow down. Try again in a moment.</source>
        <translation>AX에 요청이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>AX had a server error, so it is not known whether the change was made.</source>
        <translation>AX 서버 오류로 변경이 반영되었는지 알 수 없습니다.</translation>
    </message>
    <message>
        <source>AX had a server error. Try again in a moment.</source>
        <translation>AX 서버 오류가 발생했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>AX is slow to answer: no answer came in time, so it is not known whether the request was applied.</source>
        <translation>AX의 응답이 느립니다: 제시간에 응답이 오지 않아 요청이 적용되었는지 알 수 없습니다.</translation>
    </message>
    <message>
        <source>AX did not answer in time, so it is not known whether the request was applied.</source>
        <translation>AX가 제시간에 응답하지 않아 요청이 반영되었는지 알 수 없습니다.</translation>
    </message>
    <message>
        <source>AX could not be reached. Check the network connection.</source>
        <translation>AX에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not AX data. Check the server address, or try again in a moment; the call log has the details.</source>
        <translation>서버의 응답이 AX 데이터가 아닙니다. 서버 주소를 확인하거나 잠시 후 다시 시도하세요. 자세한 내용은 API 호출 기록에 있습니다.</translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation>(HTTP %1)</translation>
    </message>
    <message>
        <source>AX said: %1</source>
        <translation>AX 응답: %1</translation>
    </message>
    <message>
        <source>Wait %1 s.</source>
        <translation>%1초 후에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>CallLogDialog</name>
    <message>
        <source>Call log</source>
        <translation>API 호출 기록</translation>
    </message>
    <message>
        <source>Calls to AX</source>
        <translation>AX 호출</translation>
    </message>
    <message>
        <source>Application log (errors inside axdesk)</source>
        <translation>애플리케이션 기록 (axdesk 내부 오류)</translation>
    </message>
    <message>
        <source>Which log to show</source>
        <translation>보여 줄 기록</translation>
    </message>
    <message>
        <source>Log text</source>
        <translation>기록 내용</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 불러오기(&amp;R)</translation>
    </message>
    <message>
        <source>Read the log again</source>
        <translation>기록 다시 읽기</translation>
    </message>
    <message>
        <source>Copy the whole log</source>
        <translation>기록 전체 복사</translation>
    </message>
    <message>
        <source>Every request to AX, newest at the bottom: method, address, answer, time taken and the headers with the API key and channel code hidden. File: %1</source>
        <translation>AX에 보낸 모든 요청입니다(맨 아래가 최신). 방식, 주소, 응답, 걸린 시간과 함께 API 키와 채널 코드를 가린 헤더를 보여 줍니다. 파일: %1</translation>
    </message>
    <message>
        <source>What axdesk noted while running, newest at the bottom, including the details of unexpected errors. File: %1</source>
        <translation>axdesk가 실행 중에 남긴 기록입니다(맨 아래가 최신). 예상하지 못한 오류의 자세한 내용도 여기에 있습니다. 파일: %1</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>전체 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>폴더 열기(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder of the log files</source>
        <translation>기록 파일이 있는 폴더 열기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>No call to AX has been made yet.</source>
        <translation>아직 AX에 보낸 요청이 없습니다.</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>기록이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>The log could not be read (%1).</source>
        <translation>기록을 읽을 수 없습니다 (%1).</translation>
    </message>
</context>
<context>
    <name>CallProgress</name>
    <message>
        <source>Stopped waiting for AX. If its answer comes later, it is ignored.</source>
        <translation>AX의 응답을 더 기다리지 않습니다. 나중에 응답이 오더라도 무시됩니다.</translation>
    </message>
</context>
<context>
    <name>CancelAllDialog</name>
    <message>
        <source>Cancel all tickets</source>
        <translation>티켓 전체 취소</translation>
    </message>
    <message>
        <source>Cancel all %1 live ticket(s) of order %2?</source>
        <translation>주문 %2의 유효한 티켓 %1매를 모두 취소할까요?</translation>
    </message>
    <message>
        <source>Tickets to cancel</source>
        <translation>취소할 티켓</translation>
    </message>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>이용 일시</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Optional, sent to AX with each cancel</source>
        <translation>선택 사항. 티켓마다 취소할 때 AX에 함께 보냅니다</translation>
    </message>
    <message>
        <source>Cancellation comment</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>취소 사유(&amp;C):</translation>
    </message>
    <message>
        <source>Cancel &amp;ticket</source>
        <translation>티켓 취소(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel %1 &amp;tickets</source>
        <translation>티켓 %1매 취소(&amp;T)</translation>
    </message>
    <message>
        <source>Confirm: cancel every listed ticket</source>
        <translation>확인: 목록의 티켓을 모두 취소</translation>
    </message>
    <message>
        <source>&amp;Keep tickets</source>
        <translation>취소 안 함(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the tickets, do not cancel</source>
        <translation>티켓을 그대로 두고 취소하지 않음</translation>
    </message>
</context>
<context>
    <name>CancelFailedBox</name>
    <message>
        <source>Cancel ticket</source>
        <translation>티켓 취소</translation>
    </message>
    <message>
        <source>AX&apos;s answer about the ticket of %1 did not arrive.</source>
        <translation>%1 님의 티켓 취소에 대한 AX의 응답이 오지 않았습니다.</translation>
    </message>
    <message>
        <source>The ticket may already be cancelled. Trying again is safe: AX answers a ticket that is already cancelled with the same result, and nothing is cancelled twice.</source>
        <translation>티켓이 이미 취소되었을 수 있습니다. 다시 시도해도 안전합니다. 이미 취소된 티켓에는 AX가 같은 결과를 돌려주며, 두 번 취소되는 일은 없습니다.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Send the same cancel again</source>
        <translation>같은 취소 요청을 다시 보내기</translation>
    </message>
    <message>
        <source>Close without trying again</source>
        <translation>다시 시도하지 않고 닫기</translation>
    </message>
    <message>
        <source>The ticket of %1 could not be cancelled.</source>
        <translation>%1 님의 티켓을 취소하지 못했습니다.</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>메시지 닫기</translation>
    </message>
</context>
<context>
    <name>CancelReportDialog</name>
    <message>
        <source>Cancel all tickets: result</source>
        <translation>티켓 전체 취소 결과</translation>
    </message>
    <message>
        <source>1 ticket could not be cancelled.</source>
        <translation>티켓 1매를 취소하지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 tickets could not be cancelled.</source>
        <translation>티켓 %1매를 취소하지 못했습니다.</translation>
    </message>
    <message>
        <source>Every ticket was cancelled.</source>
        <translation>모든 티켓을 취소했습니다.</translation>
    </message>
    <message>
        <source>AX&apos;s answer did not arrive for %1 of them: AX may have cancelled them, and axdesk asks again on its own.</source>
        <translation>그중 %1건은 AX의 응답이 오지 않았습니다. AX가 이미 취소했을 수 있으며, axdesk가 알아서 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Result for each ticket</source>
        <translation>티켓별 결과</translation>
    </message>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>상세</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>아직 확인되지 않음</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Close the result</source>
        <translation>결과 닫기</translation>
    </message>
</context>
<context>
    <name>CancelTicketDialog</name>
    <message>
        <source>Cancel ticket</source>
        <translation>티켓 취소</translation>
    </message>
    <message>
        <source>Cancel the ticket of &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 님의 티켓을 취소할까요?</translation>
    </message>
    <message>
        <source>Traveler:</source>
        <translation>여행자:</translation>
    </message>
    <message>
        <source>Date and time:</source>
        <translation>이용 일시:</translation>
    </message>
    <message>
        <source>Option:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>티켓:</translation>
    </message>
    <message>
        <source>AX order:</source>
        <translation>AX 주문:</translation>
    </message>
    <message>
        <source>Optional, sent to AX with the cancel</source>
        <translation>선택 사항. 취소할 때 AX에 함께 보냅니다</translation>
    </message>
    <message>
        <source>Cancellation comment</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>취소 사유(&amp;C):</translation>
    </message>
    <message>
        <source>AX gives the seat back. A cancelled ticket cannot be restored here.</source>
        <translation>취소하면 AX가 좌석을 잔여석으로 되돌립니다. 취소한 티켓은 여기서 되살릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Cancel &amp;ticket</source>
        <translation>티켓 취소(&amp;T)</translation>
    </message>
    <message>
        <source>Confirm: cancel the ticket</source>
        <translation>확인: 티켓 취소</translation>
    </message>
    <message>
        <source>&amp;Keep ticket</source>
        <translation>취소 안 함(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the ticket, do not cancel</source>
        <translation>티켓을 그대로 두고 취소하지 않음</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>Catalog</source>
        <translation>상품 카탈로그</translation>
    </message>
    <message>
        <source>Products and options</source>
        <translation>상품과 옵션</translation>
    </message>
    <message>
        <source>Add &amp;product</source>
        <translation>상품 추가(&amp;P)</translation>
    </message>
    <message>
        <source>Add a product</source>
        <translation>상품 추가</translation>
    </message>
    <message>
        <source>Add &amp;option</source>
        <translation>옵션 추가(&amp;O)</translation>
    </message>
    <message>
        <source>Add an option</source>
        <translation>옵션 추가</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>선택한 항목 삭제</translation>
    </message>
    <message>
        <source>Remove the product %1 and all its options?</source>
        <translation>상품 %1와(과) 그 옵션을 모두 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove the option %1?</source>
        <translation>옵션 %1을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a catalog file</source>
        <translation>카탈로그 파일 가져오기</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the catalog to a file</source>
        <translation>카탈로그를 파일로 내보내기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Practice mode: this catalog comes from the sandbox and is loaded again at every start; your real catalog is not touched.</source>
        <translation>연습 모드: 이 카탈로그는 샌드박스에서 가져온 것으로, 시작할 때마다 새로 불러옵니다. 실제 카탈로그는 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>Choose the product the new option belongs to first.</source>
        <translation>새 옵션을 넣을 상품을 먼저 고르세요.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>CatalogFiles</name>
    <message>
        <source>Catalog files (*.csv *.json);;CSV files (*.csv);;JSON files (*.json)</source>
        <translation>카탈로그 파일 (*.csv *.json);;CSV 파일 (*.csv);;JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>카탈로그 가져오기</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>카탈로그 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>상품 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s)</source>
        <translation>
            <numerusform>옵션 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n product(s) to %1.</source>
        <translation>
            <numerusform>상품 %n개를 %1(으)로 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… 그리고 %n개 더 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 with %2.</source>
        <comment>products, then options</comment>
        <translation>%1, %2를 가져왔습니다.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1. Fix these problems and import again:</source>
        <translation>%1에서 아무것도 가져오지 않았습니다. 아래 문제를 고친 뒤 다시 가져오세요:</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>CatalogItemForm</name>
    <message>
        <source>The product of this option is no longer in the catalog.</source>
        <translation>이 옵션이 속한 상품이 카탈로그에 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save this item</source>
        <translation>이 항목 저장</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>되돌리기(&amp;V)</translation>
    </message>
    <message>
        <source>Undo the changes to this item</source>
        <translation>이 항목의 변경 내용 취소</translation>
    </message>
    <message>
        <source>Product &amp;code:</source>
        <translation>상품 코드(&amp;C):</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>상품 코드</translation>
    </message>
    <message>
        <source>Product &amp;name:</source>
        <translation>상품명(&amp;N):</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>상품명</translation>
    </message>
    <message>
        <source>Option code (dc_&amp;code):</source>
        <translation>옵션 코드 dc_code(&amp;C):</translation>
    </message>
    <message>
        <source>Option code (dc_code)</source>
        <translation>옵션 코드 (dc_code)</translation>
    </message>
    <message>
        <source>Option &amp;name:</source>
        <translation>옵션명(&amp;N):</translation>
    </message>
    <message>
        <source>Option name</source>
        <translation>옵션명</translation>
    </message>
    <message>
        <source>&amp;Mapping code:</source>
        <translation>매핑 코드(&amp;M):</translation>
    </message>
    <message>
        <source>Channel product mapping code</source>
        <translation>채널 상품 매핑 코드</translation>
    </message>
    <message>
        <source>Default unit &amp;price:</source>
        <translation>기본 단가(&amp;P):</translation>
    </message>
    <message>
        <source>Default unit price</source>
        <translation>기본 단가</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>통화(&amp;U):</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>channel_product_mapping_code: how AX maps your channel&apos;s option to its own</source>
        <translation>channel_product_mapping_code: 우리 채널의 옵션을 AX 옵션과 연결하는 코드</translation>
    </message>
    <message>
        <source>for example 45000 or 12.50</source>
        <translation>예: 45000 또는 12.50</translation>
    </message>
    <message>
        <source>Choose a product or an option to edit it, or add one. AX has no list of products, so this catalog is where axdesk learns each option&apos;s codes and price.</source>
        <translation>수정할 상품이나 옵션을 고르거나 새로 추가하세요. AX에는 상품 목록을 조회하는 기능이 없어서, axdesk는 옵션별 코드와 가격을 이 카탈로그에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Option of %1</source>
        <translation>%1의 옵션</translation>
    </message>
    <message>
        <source>Enter the product code.</source>
        <translation>상품 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the product name.</source>
        <translation>상품명을 입력하세요.</translation>
    </message>
    <message>
        <source>A product with the code %1 is already in the catalog.</source>
        <translation>상품 코드 %1은(는) 이미 카탈로그에 있습니다.</translation>
    </message>
    <message>
        <source>Saved the product %1.</source>
        <translation>상품 %1을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Enter the option code (dc_code).</source>
        <translation>옵션 코드(dc_code)를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the option name.</source>
        <translation>옵션명을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the channel product mapping code.</source>
        <translation>채널 상품 매핑 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>The unit price must be a number of 0 or more with at most 5 decimals, for example 45000 or 12.50.</source>
        <translation>단가는 0 이상의 숫자로, 소수점 아래 5자리까지 입력할 수 있습니다. 예: 45000 또는 12.50</translation>
    </message>
    <message>
        <source>The option code %1 is already used by %2.</source>
        <translation>옵션 코드 %1은(는) 이미 %2에서 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>Saved the option %1.</source>
        <translation>옵션 %1을(를) 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>CatalogReading</name>
    <message>
        <source>The product catalog could not be read, so its products are not listed; a pasted product code still works. The details are in the application log.</source>
        <translation>상품 카탈로그를 읽을 수 없어 상품 목록이 표시되지 않습니다. 상품 코드를 붙여 넣으면 그대로 사용할 수 있습니다. 자세한 내용은 애플리케이션 기록에 있습니다.</translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Mapping code</source>
        <translation>매핑 코드</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>단가</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>통화</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to AX</source>
        <translation>AX 연결</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>프로필(&amp;P):</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>연결 프로필</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>새 프로필</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>이 프로필 삭제</translation>
    </message>
    <message>
        <source>Delete the profile %1 and its API key and channel code from this computer?</source>
        <translation>%1 프로필과 그 API 키, 채널 코드를 이 컴퓨터에서 삭제할까요?</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>연결 테스트 결과</translation>
    </message>
    <message>
        <source>C&amp;onnect anyway</source>
        <translation>그래도 연결(&amp;O)</translation>
    </message>
    <message>
        <source>Save the profile and connect, although the last test failed</source>
        <translation>마지막 테스트가 실패했지만 프로필을 저장하고 연결</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>연결(&amp;O)</translation>
    </message>
    <message>
        <source>Save the profile and connect</source>
        <translation>프로필을 저장하고 연결</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>프로필 삭제</translation>
    </message>
    <message>
        <source>The last connection test with these settings failed: %1 Press Connect anyway to connect all the same, or change the settings and test again.</source>
        <translation>이 설정으로 한 마지막 연결 테스트가 실패했습니다: %1 그래도 연결하려면 &apos;그래도 연결&apos;을 누르고, 아니면 설정을 고친 뒤 다시 테스트하세요.</translation>
    </message>
    <message>
        <source>Success:</source>
        <translation>성공:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>문제:</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>The connection works: AX accepted the API key and channel code.</source>
        <translation>연결에 성공했습니다. AX가 API 키와 채널 코드를 확인했습니다.</translation>
    </message>
    <message>
        <source>AX refused the API key or the channel code (HTTP %1). Check that both were copied whole from your AX account, without spaces.</source>
        <translation>AX가 API 키 또는 채널 코드를 거부했습니다 (HTTP %1). 두 값을 AX 계정에서 공백 없이 그대로 복사했는지 확인하세요.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: its certificate could not be verified. Check the address; axdesk never skips this check.</source>
        <translation>%1와(과)의 보안 연결에 실패했습니다. 서버 인증서를 확인할 수 없습니다. 주소를 확인하세요. axdesk는 인증서 확인을 건너뛰지 않습니다.</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the address.</source>
        <translation>서버 이름 %1을(를) 찾을 수 없습니다. 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>Could not reach %1: there is no network connection, or no server answers at this address. Check the network and the address.</source>
        <translation>%1에 연결할 수 없습니다. 네트워크가 끊겼거나 이 주소에서 응답하는 서버가 없습니다. 네트워크와 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server at %1 answered, but it is not an AX server (it sent a web page or an unexpected reply). Check the address.</source>
        <translation>%1의 서버가 응답했지만 AX 서버가 아닙니다 (웹 페이지나 예상하지 못한 응답을 보냈습니다). 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>AX is busy right now (too many requests). Wait a minute and test again.</source>
        <translation>지금 AX에 요청이 몰려 있습니다. 1분쯤 기다린 뒤 다시 테스트하세요.</translation>
    </message>
    <message>
        <source>AX had a server error (HTTP %1), so the key could not be checked. Try again later.</source>
        <translation>AX 서버 오류(HTTP %1)로 키를 확인하지 못했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>연결을 테스트하는 중…</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>%1 연결을 테스트하는 중…</translation>
    </message>
</context>
<context>
    <name>CrashLog</name>
    <message>
        <source>Something unexpected went wrong inside axdesk. Your orders are safe and you can go on working; the details are in %1 (please send that file to your support).</source>
        <translation>axdesk 내부에서 예기치 않은 문제가 생겼습니다. 주문은 안전하며 계속 작업하실 수 있습니다. 자세한 내용은 %1 파일에 있습니다(지원 담당자에게 이 파일을 보내 주세요).</translation>
    </message>
</context>
<context>
    <name>DataWarnings</name>
    <message>
        <source>Numbers that do not add up in %1 of the slots AX sent (remaining + ordered is not the maximum, or a number is negative). They are marked and shown as received; check them with the supplier before selling.</source>
        <translation>AX가 보낸 일정 중 %1개의 수치가 맞지 않습니다(잔여 + 예약 수가 최대 인원과 다르거나 음수가 있음). 받은 그대로 표시해 두었으니, 판매하기 전에 공급사에 확인하세요.</translation>
    </message>
    <message>
        <source>Data warnings</source>
        <translation>데이터 경고</translation>
    </message>
    <message>
        <source>Close data warnings</source>
        <translation>데이터 경고 닫기</translation>
    </message>
    <message>
        <source>Show first</source>
        <translation>첫 항목 보기</translation>
    </message>
    <message>
        <source>Show the first slot with a warning</source>
        <translation>경고가 있는 첫 일정 보기</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>Selected day</source>
        <translation>선택한 날짜</translation>
    </message>
    <message>
        <source>Selected day summary</source>
        <translation>선택한 날짜 요약</translation>
    </message>
    <message>
        <source>Departures on the selected day</source>
        <translation>선택한 날짜의 출발 일정</translation>
    </message>
    <message>
        <source>&amp;Book this slot</source>
        <translation>이 일정 예약(&amp;B)</translation>
    </message>
    <message>
        <source>Book this slot</source>
        <translation>이 일정 예약</translation>
    </message>
    <message>
        <source>Start an order for the selected departure (Enter or double-click)</source>
        <translation>선택한 출발 일정으로 주문 시작 (Enter 또는 더블클릭)</translation>
    </message>
    <message>
        <source>Choose a product to see its departures.</source>
        <translation>상품을 고르면 출발 일정이 나타납니다.</translation>
    </message>
    <message>
        <source>No departures on this day.</source>
        <translation>이 날짜에는 출발 일정이 없습니다.</translation>
    </message>
    <message>
        <source>Every departure of this day has left.</source>
        <translation>이 날의 출발 일정은 모두 출발했습니다.</translation>
    </message>
    <message>
        <source>Closed: no departure on sale.</source>
        <translation>판매 중지: 판매 중인 출발 일정이 없습니다.</translation>
    </message>
    <message>
        <source>%1. Departures on sale: %2. Seats left: %3.</source>
        <translation>%1. 판매 일정 %2개, 잔여석 %3석.</translation>
    </message>
</context>
<context>
    <name>DepartureCancelDialog</name>
    <message>
        <source>Cancel a departure</source>
        <translation>출발 회차 취소</translation>
    </message>
    <message>
        <source>Travelers on the departure</source>
        <translation>이 출발 회차의 여행자</translation>
    </message>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문 정보</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Status / result</source>
        <translation>상태 / 결과</translation>
    </message>
    <message>
        <source>e.g. Typhoon: the tour does not run</source>
        <translation>예: 태풍으로 투어가 운행되지 않음</translation>
    </message>
    <message>
        <source>Cancellation comment</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <source>&amp;Comment for AX:</source>
        <translation>AX에 보낼 사유(&amp;C):</translation>
    </message>
    <message>
        <source>Cancel every live ticket of the departure</source>
        <translation>이 출발 회차의 유효한 티켓을 모두 취소</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop: send no further cancel</source>
        <translation>중지: 더 이상 취소를 보내지 않음</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) on this departure are not settled with AX yet (%1): their tickets are not issued, so they cannot be cancelled until the journal knows their outcome.</source>
        <translation>
            <numerusform>이 출발 회차의 주문 %n건은 아직 AX와 결과가 확정되지 않았습니다(%1). 티켓이 발권되지 않아, 저널이 결과를 알 때까지 취소할 수 없습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticket(s)…</source>
        <translation>
            <numerusform>티켓 %n매 취소…</numerusform>
        </translation>
    </message>
    <message>
        <source>No live ticket on this departure.</source>
        <translation>이 출발 회차에는 유효한 티켓이 없습니다.</translation>
    </message>
    <message>
        <source>Cancelling at AX, one ticket at a time…</source>
        <translation>AX에서 티켓을 한 장씩 취소하는 중…</translation>
    </message>
    <message>
        <source>Cancelled (%1)</source>
        <translation>취소됨 (%1)</translation>
    </message>
    <message>
        <source>Not sent: stopped before this ticket</source>
        <translation>보내지 않음: 이 티켓 전에 중지됨</translation>
    </message>
    <message>
        <source>Outcome unknown: AX may have cancelled it (%1). Live sync will tell; cancelling it again is safe.</source>
        <translation>결과 알 수 없음: AX가 이미 취소했을 수 있습니다(%1). 실시간 동기화가 알려 줍니다. 다시 취소해도 안전합니다.</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>취소되지 않음: %1</translation>
    </message>
</context>
<context>
    <name>DepartureCancelReport</name>
    <message numerus="yes">
        <source>Of %n ticket(s): %1 cancelled, %2 not cancelled, %3 unknown, %4 not sent.</source>
        <translation>
            <numerusform>티켓 %n매 중 취소 %1, 취소 안 됨 %2, 알 수 없음 %3, 보내지 않음 %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepartureCancelling</name>
    <message>
        <source>Cancel a departure</source>
        <translation>출발 회차 취소</translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n live ticket(s) of %1?</source>
        <translation>
            <numerusform>%1의 유효한 티켓 %n매를 모두 취소할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>AX gives the seats back and each traveler&apos;s ticket is cancelled. A cancelled ticket cannot be restored here.</source>
        <translation>AX가 좌석을 돌려받고 여행자마다 티켓이 취소됩니다. 취소된 티켓은 여기서 되돌릴 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticket(s)</source>
        <translation>
            <numerusform>티켓 %n매 취소</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm: cancel every listed ticket</source>
        <translation>확인: 목록의 티켓을 모두 취소</translation>
    </message>
    <message>
        <source>&amp;Keep tickets</source>
        <translation>취소 안 함(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the tickets, do not cancel</source>
        <translation>티켓을 그대로 두고 취소하지 않음</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n ticket(s) of the departure…</source>
        <translation>
            <numerusform>출발 회차의 티켓 %n매를 취소하는 중…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeparturePicker</name>
    <message>
        <source>Reload the departures of line %1</source>
        <translation>항목 %1의 출발 일정 다시 불러오기</translation>
    </message>
    <message>
        <source>Read the seats left again from AX</source>
        <translation>AX에서 잔여석을 다시 읽기</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>시각 선택…</translation>
    </message>
    <message>
        <source>%1 · departed</source>
        <translation>%1 · 출발함</translation>
    </message>
    <message>
        <source>%1 · not on sale</source>
        <translation>%1 · 판매 중지</translation>
    </message>
    <message>
        <source>%1 · sold out</source>
        <translation>%1 · 매진</translation>
    </message>
    <message>
        <source>%1 · %2 seats left</source>
        <translation>%1 · 잔여 %2석</translation>
    </message>
    <message>
        <source>Reading seats…</source>
        <translation>잔여석 확인 중…</translation>
    </message>
    <message>
        <source>No departures of this option on this day.</source>
        <translation>이 날짜에는 이 옵션의 출발 일정이 없습니다.</translation>
    </message>
    <message>
        <source>This departure has left.</source>
        <translation>이미 출발한 일정입니다.</translation>
    </message>
    <message>
        <source>This departure is not on sale.</source>
        <translation>이 출발 일정은 판매하지 않습니다.</translation>
    </message>
    <message>
        <source>of %1 left (min. %2%3)</source>
        <translation>/ 잔여 %1석 (최소 %2명%3)</translation>
    </message>
    <message>
        <source>guaranteed</source>
        <translation>출발 확정</translation>
    </message>
    <message>
        <source>Reading the journal…</source>
        <translation>저널을 읽는 중…</translation>
    </message>
    <message>
        <source>Every departure of the day (one page each)</source>
        <translation>이날의 모든 출발 회차 (회차마다 한 쪽)</translation>
    </message>
    <message>
        <source>No journaled order is used on this day.</source>
        <translation>이날 이용하는 주문이 저널에 없습니다.</translation>
    </message>
    <message>
        <source>The journal could not be read.</source>
        <translation>저널을 읽을 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n traveler(s)</source>
        <translation>
            <numerusform>여행자 %n명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n live ticket(s)</source>
        <translation>
            <numerusform>유효 티켓 %n매</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 — %3, %4</source>
        <translation>%1 · %2 — %3, %4</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <source>De&amp;parture:</source>
        <translation>출발 회차(&amp;P):</translation>
    </message>
    <message>
        <source>Day of the departure</source>
        <translation>출발 날짜</translation>
    </message>
    <message>
        <source>Departures journaled on this day</source>
        <translation>이날 저널에 있는 출발 회차</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>This desk</source>
        <translation>이 데스크</translation>
    </message>
    <message>
        <source>The journal records who did what: the operator&apos;s name and this desk&apos;s name go with every order sent, cancel asked and note saved here.</source>
        <translation>주문 기록에는 누가 무엇을 했는지가 남습니다. 여기서 보낸 주문, 요청한 취소, 저장한 메모마다 담당자 이름과 이 데스크의 이름이 함께 기록됩니다.</translation>
    </message>
    <message>
        <source>&amp;Operator name:</source>
        <translation>담당자 이름(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Desk name:</source>
        <translation>데스크 이름(&amp;D):</translation>
    </message>
    <message>
        <source>Empty: the computer&apos;s name is used.</source>
        <translation>비워 두면 컴퓨터 이름을 씁니다.</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>This order was being sent when axdesk stopped.</source>
        <translation>axdesk가 종료될 때 이 주문을 보내는 중이었습니다.</translation>
    </message>
    <message>
        <source>Your unfinished order is back</source>
        <translation>작성 중이던 주문을 다시 불러왔습니다</translation>
    </message>
    <message>
        <source>It was saved as you typed. Press New order to start from a blank form.</source>
        <translation>입력하는 동안 저장해 두었습니다. 빈 양식으로 시작하려면 새 주문을 누르세요.</translation>
    </message>
    <message>
        <source>What you typed before it came back was kept in %1.</source>
        <translation>주문이 다시 열리기 전에 입력한 내용은 %1에 보관했습니다.</translation>
    </message>
    <message>
        <source>What you typed before it came back could not be kept: type it again once this order is settled.</source>
        <translation>주문이 다시 열리기 전에 입력한 내용을 보관하지 못했습니다. 이 주문이 정리된 뒤 다시 입력하세요.</translation>
    </message>
    <message>
        <source>A saved draft was kept aside</source>
        <translation>저장된 임시 주문을 따로 보관했습니다</translation>
    </message>
    <message>
        <source>You started typing before the saved draft was read, so the form keeps what you typed; the saved draft was kept in %1.</source>
        <translation>저장된 임시 주문을 읽기 전에 입력을 시작하셔서 양식에는 입력하신 내용을 그대로 둡니다. 저장된 임시 주문은 %1에 보관했습니다.</translation>
    </message>
    <message>
        <source>You started typing before the saved draft was read, and it could not be copied to %1; what you type now replaces it.</source>
        <translation>저장된 임시 주문을 읽기 전에 입력을 시작하셨는데, 그 임시 주문을 %1에 복사할 수 없었습니다. 지금 입력하시는 내용으로 대체됩니다.</translation>
    </message>
    <message>
        <source>The saved draft could not be read</source>
        <translation>저장된 임시 주문을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The saved draft could not be read, so the form starts blank; it was kept in %1.</source>
        <translation>저장된 임시 주문을 읽을 수 없어 빈 양식으로 시작합니다. 원래 내용은 %1에 보관했습니다.</translation>
    </message>
    <message>
        <source>The saved draft could not be read, and it could not be copied to %1; it stays in the order journal until you type a new order.</source>
        <translation>저장된 임시 주문을 읽을 수 없고 %1에 복사하지도 못했습니다. 새 주문을 입력하기 전까지는 주문 기록에 그대로 남아 있습니다.</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message>
        <source>%1 · NOT WORKING</source>
        <comment>the environment badge, e.g. TEST</comment>
        <translation>%1 · 작동 안 함</translation>
    </message>
    <message>
        <source>%1. The connection is not working: %2.</source>
        <translation>%1. 연결이 작동하지 않습니다: %2.</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Production: real orders and real money</source>
        <translation>운영 환경: 실제 주문, 실제 결제</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Test environment: orders are not real</source>
        <translation>테스트 환경: 실제 주문이 아닙니다</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Practice mode on the local sandbox: nothing is real</source>
        <translation>로컬 샌드박스 연습 모드: 모든 주문이 가상입니다</translation>
    </message>
    <message>
        <source>CUSTOM SERVER</source>
        <translation>사용자 지정 서버</translation>
    </message>
    <message>
        <source>Custom server: treat its orders as real unless you know otherwise</source>
        <translation>사용자 지정 서버: 확실하지 않으면 실제 주문으로 생각하세요</translation>
    </message>
    <message>
        <source>NOT CONNECTED</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <source>Not connected to AX</source>
        <translation>AX에 연결되지 않음</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>환경: %1</translation>
    </message>
</context>
<context>
    <name>FieldPlaces</name>
    <message>
        <source>Line %1, traveler %2, %3</source>
        <translation>항목 %1, 여행자 %2, %3</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>티켓</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>axdesk — Documentation</source>
        <translation>axdesk — 도움말</translation>
    </message>
</context>
<context>
    <name>InternalNoteBox</name>
    <message>
        <source>Not saved yet…</source>
        <translation>아직 저장되지 않음…</translation>
    </message>
    <message>
        <source>Another desk changed this note meanwhile to “%1”. Your text is kept here: Save note replaces the other one.</source>
        <translation>그사이 다른 데스크가 이 메모를 “%1”(으)로 바꿨습니다. 입력한 내용은 여기 그대로 있습니다. 메모 저장을 누르면 다른 메모를 대신합니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장됨</translation>
    </message>
    <message>
        <source>Only this agency sees it; AX never does.</source>
        <translation>이 여행사만 봅니다. AX에는 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>Internal &amp;note (this desk only, never sent to AX)</source>
        <translation>내부 메모(&amp;N) (데스크 전용, AX에 보내지 않음)</translation>
    </message>
    <message>
        <source>Internal note of the order</source>
        <translation>주문의 내부 메모</translation>
    </message>
    <message>
        <source>e.g. VIP, pays cash at pick-up, called back at 9</source>
        <translation>예: VIP, 픽업 때 현금 결제, 9시에 다시 전화함</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>메모 저장</translation>
    </message>
    <message>
        <source>Save the internal note now</source>
        <translation>내부 메모를 지금 저장</translation>
    </message>
    <message numerus="yes">
        <source>The note is longer than %n character(s); shorten it to save it.</source>
        <translation>
            <numerusform>메모가 %n자보다 깁니다. 줄여야 저장할 수 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryCalendar</name>
    <message>
        <source>On sale</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>마감 임박</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>출발함</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>매진</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>판매 중지</translation>
    </message>
    <message>
        <source>On sale, with room</source>
        <translation>판매 중, 여유 있음</translation>
    </message>
    <message>
        <source>Nearly full: %1 or fewer seats left</source>
        <translation>마감 임박: 잔여석 %1석 이하</translation>
    </message>
    <message>
        <source>Closed: not on sale</source>
        <translation>판매 중지: 판매하지 않음</translation>
    </message>
    <message>
        <source>Departed: gone by the supplier&apos;s clock</source>
        <translation>출발함: 공급사 현지 시각으로 이미 출발</translation>
    </message>
    <message>
        <source>Guaranteed: a departure reached its minimum</source>
        <translation>출발 확정: 최소 인원을 채운 일정이 있음</translation>
    </message>
    <message>
        <source>Not yet guaranteed: below the minimum</source>
        <translation>출발 미확정: 최소 인원 미달</translation>
    </message>
    <message>
        <source>Numbers from AX that do not add up</source>
        <translation>AX에서 받은 수치가 맞지 않음</translation>
    </message>
    <message>
        <source>The number in a day is the seats left on sale.</source>
        <translation>날짜 칸의 숫자는 판매 중인 잔여석입니다.</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (오늘)</translation>
    </message>
    <message>
        <source>%1: no departures.</source>
        <translation>%1: 출발 일정 없음.</translation>
    </message>
    <message>
        <source>%1: departed.</source>
        <translation>%1: 출발함.</translation>
    </message>
    <message>
        <source>%1: closed, not on sale.</source>
        <translation>%1: 판매 중지.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Seats left: %1.</source>
        <translation>잔여석: %1석.</translation>
    </message>
    <message>
        <source>Departures on sale: %1.</source>
        <translation>판매 중인 출발 일정: %1개.</translation>
    </message>
    <message>
        <source>Guaranteed to run: %1.</source>
        <translation>출발 확정: %1개.</translation>
    </message>
    <message>
        <source>Not yet guaranteed (below the minimum): %1.</source>
        <translation>출발 미확정(최소 인원 미달): %1개.</translation>
    </message>
    <message>
        <source>Warning: slots with numbers that do not add up: %1.</source>
        <translation>주의: 수치가 맞지 않는 일정 %1개.</translation>
    </message>
</context>
<context>
    <name>InventoryLoader</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>%1 slots, updated %2</source>
        <translation>일정 %1개, %2 기준</translation>
    </message>
    <message>
        <source>Still showing %1, loaded at %2.</source>
        <translation>%2에 불러온 %1 재고를 계속 표시하고 있습니다.</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>&amp;Product:</source>
        <translation>상품(&amp;P):</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Pick a product from the catalog, or paste a product code and press Enter.</source>
        <translation>카탈로그에서 상품을 고르거나, 상품 코드를 붙여 넣고 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>Product name or code</source>
        <translation>상품명 또는 상품 코드</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh inventory</source>
        <translation>재고 새로 고침</translation>
    </message>
    <message>
        <source>Fetch the inventory from AX again (F5)</source>
        <translation>AX에서 재고를 다시 가져오기 (F5)</translation>
    </message>
    <message>
        <source>&amp;Option:</source>
        <translation>옵션(&amp;O):</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Inventory status</source>
        <translation>재고 상태</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>메시지 닫기</translation>
    </message>
    <message>
        <source>Message action</source>
        <translation>메시지 관련 작업</translation>
    </message>
    <message>
        <source>Availability calendar</source>
        <translation>예약 가능 현황 달력</translation>
    </message>
    <message>
        <source>Arrow keys move the day, Page Up and Page Down change month, Enter goes to the day&apos;s departures.</source>
        <translation>화살표 키로 날짜를 옮기고, Page Up과 Page Down으로 달을 바꾸며, Enter를 누르면 그날의 출발 일정으로 갑니다.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>Choose a product from the list, or paste a product code and press Enter.</source>
        <translation>목록에서 상품을 고르거나, 상품 코드를 붙여 넣고 Enter를 누르세요.</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Choose the team server to test it.</source>
        <translation>확인하려면 팀 서버를 선택하세요.</translation>
    </message>
    <message>
        <source>This server is reached over TLS only, with its certificate and name checked against this computer&apos;s trusted certificates (verify-full).</source>
        <translation>이 서버에는 TLS로만 연결하며, 서버의 인증서와 이름을 이 컴퓨터가 신뢰하는 인증서로 확인합니다(verify-full).</translation>
    </message>
    <message>
        <source>This server is on this computer: no TLS is needed.</source>
        <translation>이 서버는 이 컴퓨터에 있으므로 TLS가 필요 없습니다.</translation>
    </message>
    <message>
        <source>From the PostgreSQL password file</source>
        <translation>PostgreSQL 비밀번호 파일에서 읽음</translation>
    </message>
    <message>
        <source>Kept in the system keyring; leave empty to keep it</source>
        <translation>시스템 키링에 보관되어 있습니다. 그대로 두려면 비워 두세요</translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation>시스템 키링에 보관됩니다</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>주문 기록</translation>
    </message>
    <message>
        <source>The journal is the agency&apos;s record of every order, ticket and cancel. One desk keeps it on this computer; several desks share one on a team server (PostgreSQL), so each desk sees the others&apos; orders. axdesk switches to the journal chosen here at its next start.</source>
        <translation>주문 기록은 여행사의 모든 주문, 티켓, 취소를 담은 기록입니다. 데스크가 하나이면 이 컴퓨터에 두고, 여러 데스크는 팀 서버(PostgreSQL)의 기록 하나를 함께 써서 서로의 주문을 봅니다. 여기서 고른 주문 기록은 axdesk를 다음에 시작할 때부터 쓰입니다.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>An administrator chose this desk&apos;s journal with AXDESK_JOURNAL_URL (%1): it is used, and it cannot be changed here.</source>
        <translation>관리자가 AXDESK_JOURNAL_URL로 이 데스크의 주문 기록을 정했습니다(%1). 그 기록을 쓰며, 여기서는 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;This computer (the default)</source>
        <translation>이 컴퓨터(기본값)(&amp;T)</translation>
    </message>
    <message>
        <source>Team &amp;server (PostgreSQL)</source>
        <translation>팀 서버(PostgreSQL)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>호스트(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>데이터베이스(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>db.agency.example or an IP address</source>
        <translation>db.agency.example 또는 IP 주소</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>연결 확인(&amp;T)</translation>
    </message>
    <message>
        <source>Connect once to the team server and say whether this desk can use it</source>
        <translation>팀 서버에 한 번 연결해 이 데스크에서 쓸 수 있는지 알려 줍니다</translation>
    </message>
</context>
<context>
    <name>JournalMoveCommand</name>
    <message>
        <source>This desk writes this computer&apos;s journal, so there is no team server to move it to. Choose the team server in File &gt; Journal… and start axdesk again, then move the journal.</source>
        <translation>이 데스크는 이 컴퓨터의 주문 기록에 쓰고 있어 옮겨 갈 팀 서버가 없습니다. 파일 &gt; 주문 기록…에서 팀 서버를 고르고 axdesk를 다시 시작한 뒤 주문 기록을 옮기세요.</translation>
    </message>
    <message>
        <source>This computer&apos;s journal was moved to the team server.
Orders copied: %1
Already on the team server: %2
Tickets: %3
Cancels: %4
AX status changes: %5
Who-did-what lines: %6
This computer&apos;s journal file is kept as it was.</source>
        <translation>이 컴퓨터의 주문 기록을 팀 서버로 옮겼습니다.
복사한 주문: %1
이미 팀 서버에 있던 주문: %2
티켓: %3
취소: %4
AX 상태 변경: %5
처리 기록: %6
이 컴퓨터의 주문 기록 파일은 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>The move stopped; the orders copied so far are whole. %1</source>
        <translation>옮기기가 중단되었습니다. 지금까지 복사한 주문은 빠짐없이 온전합니다. %1</translation>
    </message>
</context>
<context>
    <name>JournalServerTest</name>
    <message>
        <source>Connecting to the team server…</source>
        <translation>팀 서버에 연결하는 중…</translation>
    </message>
</context>
<context>
    <name>JournalSettingSave</name>
    <message>
        <source>Nothing was saved. The API key is kept for this session only because this computer has no secure keyring, and a password kept so would be gone at the next start, when the desk switches journals. Leave the password empty to use the PostgreSQL password file instead.</source>
        <translation>아무것도 저장하지 않았습니다. 이 컴퓨터에는 안전한 키링이 없어 API 키를 이번 세션에만 보관하고 있으며, 비밀번호도 그렇게 보관하면 데스크가 주문 기록을 바꾸는 다음 시작 때에는 사라집니다. 비밀번호 칸을 비워 두면 대신 PostgreSQL 비밀번호 파일을 씁니다.</translation>
    </message>
    <message>
        <source>Saved: from its next start axdesk writes this computer&apos;s journal again.</source>
        <translation>저장했습니다. axdesk를 다음에 시작할 때부터 다시 이 컴퓨터의 주문 기록에 씁니다.</translation>
    </message>
    <message>
        <source>Saved: from its next start axdesk writes the team journal at %1.</source>
        <translation>저장했습니다. axdesk를 다음에 시작할 때부터 %1의 팀 주문 기록에 씁니다.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1 Leave the password empty to use the PostgreSQL password file instead.</source>
        <translation>아무것도 저장하지 않았습니다. %1 비밀번호 칸을 비워 두면 대신 PostgreSQL 비밀번호 파일을 씁니다.</translation>
    </message>
</context>
<context>
    <name>KeyringStep</name>
    <message>
        <source>The API key and channel code are kept in memory for this session only.</source>
        <translation>API 키와 채널 코드는 이번 실행 동안만 메모리에 보관됩니다.</translation>
    </message>
    <message>
        <source>The API key and channel code are kept in %1.</source>
        <translation>API 키와 채널 코드는 %1에 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>Pro&amp;duct</source>
        <translation>상품(&amp;D)</translation>
    </message>
    <message>
        <source>Op&amp;tion</source>
        <translation>옵션(&amp;T)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>이용일</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>수량(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Unit price</source>
        <translation>단가(&amp;U)</translation>
    </message>
    <message>
        <source>Discount / unit</source>
        <translation>1매당 할인</translation>
    </message>
    <message>
        <source>Discount method</source>
        <translation>할인 방식</translation>
    </message>
    <message>
        <source>Line %1 product</source>
        <translation>항목 %1 상품</translation>
    </message>
    <message>
        <source>Line %1 option</source>
        <translation>항목 %1 옵션</translation>
    </message>
    <message>
        <source>Line %1 date</source>
        <translation>항목 %1 이용일</translation>
    </message>
    <message>
        <source>Line %1 start time</source>
        <translation>항목 %1 출발 시각</translation>
    </message>
    <message>
        <source>Line %1 quantity</source>
        <translation>항목 %1 수량</translation>
    </message>
    <message>
        <source>Line %1 unit price</source>
        <translation>항목 %1 단가</translation>
    </message>
    <message>
        <source>Line %1 discount per unit</source>
        <translation>항목 %1 1매당 할인</translation>
    </message>
    <message>
        <source>Line %1 discount method</source>
        <translation>항목 %1 할인 방식</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>항목 %1</translation>
    </message>
    <message>
        <source>Remove line %1</source>
        <translation>항목 %1 삭제</translation>
    </message>
    <message>
        <source>“%1” is not a date; write it like 2026-11-23.</source>
        <translation>“%1”은(는) 날짜가 아닙니다. 2026-11-23 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <source>after the discount %1 per ticket</source>
        <translation>1매당 %1 할인 적용</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or 11/23</source>
        <translation>YYYY-MM-DD 또는 11/23</translation>
    </message>
    <message>
        <source>Open the calendar</source>
        <translation>달력 열기</translation>
    </message>
    <message>
        <source>Type 2026-11-23 or 11/23; Up and Down change the day; F4 opens a calendar</source>
        <translation>2026-11-23 또는 11/23처럼 입력하세요. 위/아래 화살표로 날짜를 바꾸고, F4를 누르면 달력이 열립니다</translation>
    </message>
    <message>
        <source>e.g. coupon</source>
        <translation>예: 쿠폰</translation>
    </message>
    <message>
        <source>Taken off each ticket&apos;s price (sent to AX as the amount per unit)</source>
        <translation>티켓 1매 가격에서 빼는 금액 (AX에는 1매당 금액으로 보냅니다)</translation>
    </message>
    <message>
        <source>Enter the unit price to see the line total.</source>
        <translation>단가를 입력하면 이 항목의 금액이 나옵니다.</translation>
    </message>
</context>
<context>
    <name>LiveSyncView</name>
    <message>
        <source>Live sync: not connected</source>
        <translation>실시간 동기화: 연결 안 됨</translation>
    </message>
    <message>
        <source>Live sync: paused, again in %1 s</source>
        <translation>실시간 동기화: 일시 중지, %1초 뒤 재개</translation>
    </message>
    <message>
        <source>Live sync: checking…</source>
        <translation>실시간 동기화: 확인 중…</translation>
    </message>
    <message>
        <source>Live sync: checked at %1</source>
        <translation>실시간 동기화: %1에 확인</translation>
    </message>
    <message>
        <source>Live sync: starting</source>
        <translation>실시간 동기화: 시작하는 중</translation>
    </message>
    <message>
        <source>Supplier confirmed an order</source>
        <translation>공급사가 주문을 확정했습니다</translation>
    </message>
    <message>
        <source>Supplier rejected an order</source>
        <translation>공급사가 주문을 거절했습니다</translation>
    </message>
    <message>
        <source>AX order %1: %2</source>
        <translation>AX 주문 %1: %2</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Look up an order at AX</source>
        <translation>AX에서 주문 조회</translation>
    </message>
    <message>
        <source>Enter a channel order code or an AX order code. AX&apos;s answer is shown; an order made elsewhere can then be followed here.</source>
        <translation>채널 주문 코드나 AX 주문 코드를 입력하세요. AX의 응답을 보여 주며, 다른 곳에서 만든 주문도 가져와서 여기서 추적할 수 있습니다.</translation>
    </message>
    <message>
        <source>Order code to look up</source>
        <translation>조회할 주문 코드</translation>
    </message>
    <message>
        <source>Channel or AX order code</source>
        <translation>채널 주문 코드 또는 AX 주문 코드</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>조회(&amp;L)</translation>
    </message>
    <message>
        <source>Look the code up at AX</source>
        <translation>AX에서 이 코드 조회</translation>
    </message>
    <message>
        <source>AX&apos;s answer</source>
        <translation>AX 응답</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>채널 주문</translation>
    </message>
    <message>
        <source>AX order</source>
        <translation>AX 주문</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>&amp;Import into the journal</source>
        <translation>주문 대장에 가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>Import the order into the journal</source>
        <translation>주문을 주문 대장에 가져오기</translation>
    </message>
    <message>
        <source>Close the lookup</source>
        <translation>조회 닫기</translation>
    </message>
    <message>
        <source>Enter a code to look up.</source>
        <translation>조회할 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Asking AX…</source>
        <translation>AX에 조회하는 중…</translation>
    </message>
    <message>
        <source>AX knows no order with this code.</source>
        <translation>AX에 이 코드의 주문이 없습니다.</translation>
    </message>
    <message>
        <source>This order is already in the journal; its status was updated.</source>
        <translation>이미 주문 대장에 있는 주문입니다. 상태를 갱신했습니다.</translation>
    </message>
    <message>
        <source>This order is not in the journal. Import it to follow it here.</source>
        <translation>주문 대장에 없는 주문입니다. 가져오면 여기서 추적할 수 있습니다.</translation>
    </message>
    <message>
        <source>Imported: %1. It is now followed by live sync.</source>
        <translation>가져왔습니다: %1. 이제 실시간 동기화로 상태를 추적합니다.</translation>
    </message>
</context>
<context>
    <name>LowPriceQuestion</name>
    <message>
        <source>Line %1: the unit price %2 is far below the catalog&apos;s %3.</source>
        <translation>항목 %1: 단가 %2은(는) 카탈로그 가격 %3보다 훨씬 낮습니다.</translation>
    </message>
    <message>
        <source>Send the order at this price?</source>
        <translation>이 가격으로 주문을 전송할까요?</translation>
    </message>
    <message>
        <source>Send the order at these prices?</source>
        <translation>이 가격들로 주문을 전송할까요?</translation>
    </message>
    <message>
        <source>Unit price far below the catalog</source>
        <translation>카탈로그보다 훨씬 낮은 단가</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Inventory</source>
        <translation>재고(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;New order</source>
        <translation>새 주문(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>주문 목록(&amp;O)</translation>
    </message>
    <message>
        <source>Main sections</source>
        <translation>주요 화면</translation>
    </message>
    <message>
        <source>axdesk — not connected</source>
        <translation>axdesk — 연결 안 됨</translation>
    </message>
    <message>
        <source>axdesk — practice mode (sandbox)</source>
        <translation>axdesk — 연습 모드 (샌드박스)</translation>
    </message>
    <message>
        <source>axdesk — %1 (%2)</source>
        <translation>axdesk — %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ManifestDialog</name>
    <message>
        <source>Traveler manifest</source>
        <translation>여행자 명단</translation>
    </message>
    <message>
        <source>Date of use</source>
        <translation>이용일</translation>
    </message>
    <message>
        <source>Include cancelled tickets</source>
        <translation>취소된 티켓 포함</translation>
    </message>
    <message>
        <source>&amp;Date of use:</source>
        <translation>이용일(&amp;D):</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Choose where to save the manifest</source>
        <translation>명단을 저장할 위치 선택</translation>
    </message>
    <message>
        <source>Do not export</source>
        <translation>내보내지 않음</translation>
    </message>
</context>
<context>
    <name>ManifestPrintDialog</name>
    <message>
        <source>Day manifest</source>
        <translation>일일 명단</translation>
    </message>
    <message>
        <source>Include cancelled tickets (struck through)</source>
        <translation>취소된 티켓 포함 (취소선 표시)</translation>
    </message>
    <message>
        <source>Include cancelled tickets</source>
        <translation>취소된 티켓 포함</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the manifest</source>
        <translation>명단 인쇄</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>PDF로 저장(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the manifest as a PDF file</source>
        <translation>명단을 PDF 파일로 저장</translation>
    </message>
    <message>
        <source>Close the manifest</source>
        <translation>명단 닫기</translation>
    </message>
</context>
<context>
    <name>ManifestPrinting</name>
    <message>
        <source>The manifest was sent to the printer.</source>
        <translation>명단을 프린터로 보냈습니다.</translation>
    </message>
    <message>
        <source>Day manifest</source>
        <translation>일일 명단</translation>
    </message>
    <message>
        <source>The manifest was saved to %1.</source>
        <translation>명단을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>The manifest could not be saved to %1: %2.</source>
        <translation>명단을 %1에 저장할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The manifest could not be saved to %1.</source>
        <translation>명단을 %1에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>No font with Korean letters is installed, so Korean names would print as empty boxes. Install one (for example Noto Sans CJK or Nanum) and try again.</source>
        <translation>한글 글꼴이 설치되어 있지 않아 한글 이름이 빈 네모로 인쇄됩니다. 글꼴(예: Noto Sans CJK 또는 나눔)을 설치한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Save the manifest as PDF</source>
        <translation>명단을 PDF로 저장</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ManifestSheet</name>
    <message>
        <source>Purchaser: %1</source>
        <translation>구매자: %1</translation>
    </message>
    <message>
        <source>Order: %1</source>
        <translation>주문: %1</translation>
    </message>
    <message>
        <source>Outcome at AX not known yet</source>
        <translation>AX 결과 아직 모름</translation>
    </message>
    <message numerus="yes">
        <source>%n traveler(s)</source>
        <translation>
            <numerusform>여행자 %n명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n live ticket(s)</source>
        <translation>
            <numerusform>유효 티켓 %n매</numerusform>
        </translation>
    </message>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문 정보</translation>
    </message>
    <message>
        <source>No traveler on this departure.</source>
        <translation>이 출발 회차에는 여행자가 없습니다.</translation>
    </message>
    <message>
        <source>Day manifest</source>
        <translation>일일 명단</translation>
    </message>
    <message>
        <source>%1 · %2 · printed %3</source>
        <translation>%1 · %2 · %3 인쇄</translation>
    </message>
</context>
<context>
    <name>MonthExport</name>
    <message>
        <source>Export month to CSV</source>
        <translation>월 재고를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>요일</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>출발 시각</translation>
    </message>
    <message>
        <source>Option code</source>
        <translation>옵션 코드</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>잔여석</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>최대 인원</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>예약 수</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>최소 인원</translation>
    </message>
    <message>
        <source>Guaranteed</source>
        <translation>출발 확정</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Inventory code</source>
        <translation>재고 코드</translation>
    </message>
    <message>
        <source>Saved the month to %1 (slots: %2).</source>
        <translation>월 재고를 %1에 저장했습니다 (일정 %2개).</translation>
    </message>
</context>
<context>
    <name>MonthNavigation</name>
    <message>
        <source>Previous month</source>
        <translation>이전 달</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>이전 달 (Page Up)</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>다음 달</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>다음 달 (Page Down)</translation>
    </message>
    <message>
        <source>Month shown</source>
        <translation>표시 중인 달</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>오늘(&amp;T)</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>오늘로 이동</translation>
    </message>
    <message>
        <source>&amp;Export month…</source>
        <translation>월 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the month shown to CSV</source>
        <translation>표시 중인 달을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the month shown: month name, year</comment>
        <translation>%2년 %1</translation>
    </message>
</context>
<context>
    <name>NotConnectedError</name>
    <message>
        <source>Not connected to AX. Choose a connection in Connection &gt; Connect.</source>
        <translation>AX에 연결되지 않았습니다. 연결 &gt; 연결 설정…에서 연결을 선택하세요.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>이 알림 닫기</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>axdesk</source>
        <translation>axdesk</translation>
    </message>
</context>
<context>
    <name>OptionPicker</name>
    <message>
        <source>All options</source>
        <translation>모든 옵션</translation>
    </message>
    <message>
        <source>Choose a product…</source>
        <translation>상품 선택…</translation>
    </message>
    <message>
        <source>Choose an option…</source>
        <translation>옵션 선택…</translation>
    </message>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation>%1 (카탈로그에 없음)</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>AX has not issued this ticket yet.</source>
        <translation>AX가 아직 이 티켓을 발권하지 않았습니다.</translation>
    </message>
    <message>
        <source>This ticket is already cancelled.</source>
        <translation>이미 취소된 티켓입니다.</translation>
    </message>
    <message>
        <source>This ticket has been used; it cannot be cancelled.</source>
        <translation>이미 사용한 티켓이라 취소할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <source>Purchaser: %1</source>
        <translation>구매자: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>합계: %1</translation>
    </message>
    <message>
        <source>Ordered: %1</source>
        <translation>주문 일시: %1</translation>
    </message>
    <message>
        <source>The order sent no comment and no notes.</source>
        <translation>주문에 코멘트나 메모가 없습니다.</translation>
    </message>
    <message>
        <source>Being sent to AX</source>
        <translation>AX로 보내는 중</translation>
    </message>
    <message>
        <source>Made here, known to AX</source>
        <translation>여기서 접수, AX 등록 완료</translation>
    </message>
    <message>
        <source>Outcome unknown: being reconciled with AX</source>
        <translation>결과 미확인: AX와 대조하는 중</translation>
    </message>
    <message>
        <source>Refused by AX</source>
        <translation>AX가 거부함</translation>
    </message>
    <message>
        <source>Made elsewhere, followed here</source>
        <translation>다른 곳에서 접수, 여기서 추적 중</translation>
    </message>
    <message>
        <source>checked %1</source>
        <translation>%1 확인</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>아직 확인 안 함</translation>
    </message>
    <message>
        <source>Select an order to see its travelers&apos; tickets and its AX status history.</source>
        <translation>주문을 선택하면 여행자별 티켓과 AX 상태 이력이 나타납니다.</translation>
    </message>
    <message>
        <source>Sent with the order</source>
        <translation>주문과 함께 보낸 내용</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>티켓(&amp;T)</translation>
    </message>
    <message>
        <source>Tickets of the selected order</source>
        <translation>선택한 주문의 티켓</translation>
    </message>
    <message>
        <source>Press Delete to cancel the selected traveler&apos;s ticket.</source>
        <translation>Delete 키를 누르면 선택한 여행자의 티켓을 취소합니다.</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>티켓 취소</translation>
    </message>
    <message>
        <source>Cancel all tickets</source>
        <translation>티켓 전체 취소</translation>
    </message>
    <message>
        <source>&amp;Cancel ticket…</source>
        <translation>티켓 취소(&amp;C)…</translation>
    </message>
    <message>
        <source>Cancel the selected traveler&apos;s ticket (Delete)</source>
        <translation>선택한 여행자의 티켓 취소 (Delete)</translation>
    </message>
    <message>
        <source>Cancel the selected ticket</source>
        <translation>선택한 티켓 취소</translation>
    </message>
    <message>
        <source>Cancel &amp;all tickets…</source>
        <translation>티켓 전체 취소(&amp;A)…</translation>
    </message>
    <message>
        <source>Cancel every live ticket of this order (Ctrl+Shift+Delete)</source>
        <translation>이 주문의 유효한 티켓을 모두 취소 (Ctrl+Shift+Delete)</translation>
    </message>
    <message>
        <source>Cancel all tickets of this order</source>
        <translation>이 주문의 티켓 전체 취소</translation>
    </message>
    <message>
        <source>AX orders and status &amp;history</source>
        <translation>AX 주문과 상태 이력(&amp;H)</translation>
    </message>
    <message>
        <source>AX orders and their status history</source>
        <translation>AX 주문과 상태 이력</translation>
    </message>
    <message>
        <source>AX order / time</source>
        <translation>AX 주문 / 시각</translation>
    </message>
    <message>
        <source>Status / change</source>
        <translation>상태 / 변경</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>OrderExport</name>
    <message>
        <source>Export orders to CSV</source>
        <translation>주문을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export traveler manifest</source>
        <translation>여행자 명단 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%1에 %n행을 저장했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>No order in the journal matches “%1”. It may have been made elsewhere: AX can be asked about it.</source>
        <translation>주문 대장에 “%1”과(와) 일치하는 주문이 없습니다. 다른 곳에서 만든 주문일 수 있으니 AX에 조회해 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>찾기(&amp;F):</translation>
    </message>
    <message>
        <source>Name, phone, e-mail or order code (Ctrl+F)</source>
        <translation>이름·전화번호·이메일·주문 코드 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find an order</source>
        <translation>주문 찾기</translation>
    </message>
    <message>
        <source>Type a traveler&apos;s or purchaser&apos;s name, phone or e-mail, or an order code. Enter selects the first match and moves to its tickets.</source>
        <translation>여행자나 구매자의 이름, 전화번호, 이메일 또는 주문 코드를 입력하세요. Enter를 누르면 첫 번째 결과를 선택하고 그 주문의 티켓으로 이동합니다.</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>모든 주문</translation>
    </message>
    <message>
        <source>Waiting for the supplier</source>
        <translation>공급사 확인 대기</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>확정</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Needs attention (not settled with AX)</source>
        <translation>확인 필요 (AX와 미정리)</translation>
    </message>
    <message>
        <source>Show orders with this status</source>
        <translation>이 상태의 주문만 보기</translation>
    </message>
    <message>
        <source>&amp;Used between</source>
        <translation>이용일(&amp;U)</translation>
    </message>
    <message>
        <source>Filter by date of use</source>
        <translation>이용일로 거르기</translation>
    </message>
    <message>
        <source>First date of use</source>
        <translation>이용일 시작</translation>
    </message>
    <message>
        <source>Last date of use</source>
        <translation>이용일 끝</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>Ask AX about every open order now (F5)</source>
        <translation>처리 중인 모든 주문을 지금 AX에 확인 (F5)</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>지금 새로 고침</translation>
    </message>
    <message>
        <source>&amp;Look up at AX…</source>
        <translation>AX에서 조회(&amp;L)…</translation>
    </message>
    <message>
        <source>Look up an order that is not in the journal by its code (Ctrl+L)</source>
        <translation>주문 대장에 없는 주문을 코드로 조회 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Look up an order at AX</source>
        <translation>AX에서 주문 조회</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <source>Orders shown, to CSV…</source>
        <translation>표시된 주문을 CSV로…</translation>
    </message>
    <message>
        <source>Traveler manifest for a day, to CSV…</source>
        <translation>하루치 여행자 명단을 CSV로…</translation>
    </message>
    <message>
        <source>&amp;Departures</source>
        <translation>출발 회차(&amp;D)</translation>
    </message>
    <message>
        <source>Departures: manifest and cancel</source>
        <translation>출발 회차: 명단과 취소</translation>
    </message>
    <message>
        <source>Day manifest: print or save as PDF…</source>
        <translation>일일 명단: 인쇄 또는 PDF로 저장…</translation>
    </message>
    <message>
        <source>Cancel a departure…</source>
        <translation>출발 회차 취소…</translation>
    </message>
    <message>
        <source>Look up at AX</source>
        <translation>AX에서 조회</translation>
    </message>
    <message>
        <source>Look up this code at AX</source>
        <translation>AX에서 이 코드 조회</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Tickets</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Add &amp;line (another option)</source>
        <translation>항목 추가(&amp;L) (다른 옵션)</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>항목 추가</translation>
    </message>
</context>
<context>
    <name>OrderHeader</name>
    <message>
        <source>Purchaser</source>
        <translation>구매자</translation>
    </message>
    <message>
        <source>Purchaser needs more information</source>
        <translation>구매자 추가 정보 필요</translation>
    </message>
    <message>
        <source>Representative (lead traveler)</source>
        <translation>대표 여행자</translation>
    </message>
    <message>
        <source>&amp;Same as purchaser</source>
        <translation>구매자와 같음(&amp;S)</translation>
    </message>
    <message>
        <source>Representative same as purchaser</source>
        <translation>대표 여행자가 구매자와 같음</translation>
    </message>
    <message>
        <source>The purchaser is sent as the representative. Untick to enter someone else.</source>
        <translation>구매자를 대표 여행자로 보냅니다. 다른 사람을 입력하려면 체크를 해제하세요.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>주문 정보</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>할인 방식</translation>
    </message>
    <message>
        <source>Needs more information from the &amp;buyer</source>
        <translation>구매자에게 추가 정보 받아야 함(&amp;B)</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>통화(&amp;Y)</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>주문 할인</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Vouche&amp;r</source>
        <translation>바우처(&amp;R)</translation>
    </message>
    <message>
        <source>The product comes with a voucher</source>
        <translation>바우처가 함께 발급되는 상품</translation>
    </message>
    <message>
        <source>Order has a voucher</source>
        <translation>바우처 있는 주문</translation>
    </message>
    <message>
        <source>Order currency</source>
        <translation>주문 통화</translation>
    </message>
    <message>
        <source>Whole-order discount</source>
        <translation>주문 전체 할인</translation>
    </message>
    <message>
        <source>Whole-order discount method</source>
        <translation>주문 전체 할인 방식</translation>
    </message>
    <message>
        <source>e.g. 10% for members</source>
        <translation>예: 회원 10%</translation>
    </message>
    <message>
        <source>Order comment</source>
        <translation>주문 메모</translation>
    </message>
    <message>
        <source>Comment sent with the order</source>
        <translation>주문과 함께 보낼 메모</translation>
    </message>
</context>
<context>
    <name>OrderNoteSaving</name>
    <message>
        <source>Another desk changed this note meanwhile; nothing was overwritten.</source>
        <translation>그사이 다른 데스크가 이 메모를 바꿨습니다. 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>This order is no longer in the journal; the note was not kept.</source>
        <translation>이 주문이 더 이상 저널에 없어 메모를 저장하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>OrderResultPanel</name>
    <message>
        <source>Line / traveler</source>
        <translation>항목 / 여행자</translation>
    </message>
    <message>
        <source>AX code</source>
        <translation>AX 코드</translation>
    </message>
    <message>
        <source>AX order and ticket codes</source>
        <translation>AX 주문 코드와 티켓 코드</translation>
    </message>
    <message>
        <source>Copy order summary</source>
        <translation>주문 요약 복사</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>요약 복사</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>합계: %1</translation>
    </message>
    <message>
        <source>Line %1: %2, %3 (%4), %5 ticket(s)</source>
        <translation>항목 %1: %2, %3 (%4), 티켓 %5매</translation>
    </message>
    <message>
        <source>AX order: %1</source>
        <translation>AX 주문: %1</translation>
    </message>
    <message>
        <source>%1. %2: ticket %3</source>
        <translation>%1. %2: 티켓 %3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Dismiss the result</source>
        <translation>결과 닫기</translation>
    </message>
    <message>
        <source>AX cannot be asked about the order</source>
        <translation>AX에 이 주문을 물어볼 수 없음</translation>
    </message>
    <message>
        <source>The order %1 is kept in the journal. It is never sent twice under another code.</source>
        <translation>주문 %1은(는) 주문 대장에 남아 있습니다. 다른 코드로 두 번 보내는 일은 없습니다.</translation>
    </message>
    <message>
        <source>Not known yet: AX may still make the order</source>
        <translation>아직 알 수 없음: AX가 아직 이 주문을 접수할 수 있음</translation>
    </message>
    <message>
        <source>Not known yet whether AX made the order</source>
        <translation>AX가 주문을 접수했는지 아직 알 수 없음</translation>
    </message>
    <message>
        <source>Line %1: %2, %3</source>
        <translation>항목 %1: %2, %3</translation>
    </message>
    <message>
        <source>Order %1 · %2 ticket(s) · %3</source>
        <translation>주문 %1 · 티켓 %2매 · %3</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Ask AX whether the order was made; if it was not, the same order is sent again under the same code</source>
        <translation>AX에 주문이 접수되었는지 묻고, 접수되지 않았으면 같은 주문을 같은 코드로 다시 보냅니다</translation>
    </message>
    <message>
        <source>Retry: check the order with AX</source>
        <translation>재시도: AX에 주문 확인</translation>
    </message>
    <message>
        <source>The order %1 is kept in the journal and is checked with AX again (now, at every start, and when you press Retry). It is never sent twice under another code.</source>
        <translation>주문 %1은(는) 주문 대장에 남아 있으며 AX에 다시 확인합니다(지금, axdesk를 시작할 때마다, 재시도를 누를 때). 다른 코드로 두 번 보내는 일은 없습니다.</translation>
    </message>
    <message>
        <source>Nothing was booked. Fix the fields marked in red and send again.</source>
        <translation>예약되지 않았습니다. 빨간색으로 표시된 입력란을 고친 뒤 다시 보내세요.</translation>
    </message>
    <message>
        <source>AX refused the order</source>
        <translation>AX가 주문을 거부했습니다</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>아직 모름</translation>
    </message>
    <message>
        <source>Order sent to AX</source>
        <translation>AX에 주문을 보냈습니다</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>No order matches.</source>
        <translation>일치하는 주문이 없습니다.</translation>
    </message>
</context>
<context>
    <name>OrderSending</name>
    <message>
        <source>Checking the seats…</source>
        <translation>잔여석 확인 중…</translation>
    </message>
    <message>
        <source>Reading the seats left once more before anything is sent.</source>
        <translation>보내기 전에 잔여석을 한 번 더 확인합니다.</translation>
    </message>
    <message>
        <source>Sending the order to AX…</source>
        <translation>AX로 주문을 보내는 중…</translation>
    </message>
    <message>
        <source>Order %1 is recorded in the journal before it is sent.</source>
        <translation>주문 %1은(는) 보내기 전에 주문 대장에 기록됩니다.</translation>
    </message>
    <message>
        <source>The seat check was cancelled.</source>
        <translation>잔여석 확인을 취소했습니다.</translation>
    </message>
    <message>
        <source>Not sent: the seats could not be checked</source>
        <translation>전송 안 함: 잔여석을 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing was sent to AX. Try again in a moment.</source>
        <translation>AX에 아무것도 보내지 않았습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not sent: the seats changed</source>
        <translation>전송 안 함: 잔여석이 바뀌었습니다</translation>
    </message>
    <message>
        <source>Nothing was sent to AX. Adjust and send again.</source>
        <translation>AX에 아무것도 보내지 않았습니다. 수정한 뒤 다시 보내세요.</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>전송을 취소했습니다.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>전송 안 함</translation>
    </message>
    <message>
        <source>Checking the order with AX…</source>
        <translation>AX에 주문을 확인하는 중…</translation>
    </message>
    <message>
        <source>Which AX server has this order?</source>
        <translation>이 주문은 어느 AX 서버에 있나요?</translation>
    </message>
    <message>
        <source>axdesk did not record which AX server order %1 was sent to. Was it taken while connected to %2?

Answer Yes only if so: it is then checked there and, if AX does not have it, sent there under the same code. Otherwise answer No and connect to the server it was taken on.</source>
        <translation>주문 %1을(를) 어느 AX 서버로 보냈는지 axdesk에 기록되어 있지 않습니다. %2에 연결된 상태에서 받은 주문인가요?

그렇다면 예를 누르세요. 그 서버에서 주문을 확인하고, AX에 주문이 없으면 같은 코드로 그 서버에 보냅니다. 아니라면 아니요를 누르고, 주문을 받을 때 연결했던 서버에 연결하세요.</translation>
    </message>
    <message>
        <source>What does AX say about this order?</source>
        <translation>AX는 이 주문에 대해 뭐라고 하나요?</translation>
    </message>
    <message>
        <source>axdesk cannot ask AX whether it made order %1. Ask AX whether it has an order with the channel order code %1, then say what it told you.

Choose &quot;AX has none&quot; only if AX told you so: the order is then sent again under the same code.</source>
        <translation>axdesk는 AX에 주문 %1을(를) 접수했는지 물어볼 수 없습니다. 채널 주문 코드 %1인 주문이 있는지 AX에 문의한 뒤, AX의 답을 알려 주세요.

&quot;AX에 없음&quot;은 AX가 그렇다고 답한 경우에만 고르세요. 그러면 같은 코드로 주문을 다시 보냅니다.</translation>
    </message>
    <message>
        <source>AX has it…</source>
        <translation>AX에 있음…</translation>
    </message>
    <message>
        <source>AX has none</source>
        <translation>AX에 없음</translation>
    </message>
    <message>
        <source>AX order code</source>
        <translation>AX 주문 코드</translation>
    </message>
    <message>
        <source>The AX order code AX gave for order %1:</source>
        <translation>AX가 알려 준 주문 %1의 AX 주문 코드:</translation>
    </message>
    <message>
        <source>Order sent to AX</source>
        <translation>AX에 주문을 보냈습니다</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Not known yet</source>
        <translation>아직 모름</translation>
    </message>
    <message>
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>Supplier pending</source>
        <translation>공급사 확인 대기</translation>
    </message>
    <message>
        <source>Supplier confirm</source>
        <translation>공급사 확정</translation>
    </message>
    <message>
        <source>Supplier reject</source>
        <translation>공급사 거절</translation>
    </message>
    <message>
        <source>Traveler cancel</source>
        <translation>여행자 취소</translation>
    </message>
    <message>
        <source>Unavoidable cancel</source>
        <translation>불가피한 취소</translation>
    </message>
</context>
<context>
    <name>OrderSync</name>
    <message>
        <source>AX asked us to slow down; checking again in %1 s.</source>
        <translation>AX가 요청을 줄여 달라고 했습니다. %1초 뒤 다시 확인합니다.</translation>
    </message>
    <message>
        <source>AX could not be reached (%1); checking again in %2 s.</source>
        <translation>AX에 연결할 수 없습니다(%1). %2초 뒤 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Live sync stopped for now: %1</source>
        <translation>실시간 동기화를 잠시 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>Could not check order %1: %2</source>
        <translation>주문 %1을(를) 확인하지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>OrderTab</name>
    <message>
        <source>New order</source>
        <translation>새 주문</translation>
    </message>
    <message>
        <source>The form is busy with another order</source>
        <translation>다른 주문을 처리하는 중입니다</translation>
    </message>
    <message>
        <source>Wait for its outcome, or press New order, then book the slot again.</source>
        <translation>결과를 기다리거나 새 주문을 누른 뒤, 이 일정을 다시 예약하세요.</translation>
    </message>
    <message>
        <source>Waiting to know whether AX made order %1. Press Retry, or New order to start another one.</source>
        <translation>AX가 주문 %1을(를) 접수했는지 확인을 기다리는 중입니다. 재시도를 누르거나, 새 주문을 눌러 다른 주문을 시작하세요.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(외 %1건)</translation>
    </message>
    <message>
        <source>Start a new order? Order %1 stays in the journal and is still checked with AX; nothing is lost.</source>
        <translation>새 주문을 시작할까요? 주문 %1은(는) 주문 대장에 남아 계속 AX에 확인하므로 잃어버리는 것은 없습니다.</translation>
    </message>
    <message>
        <source>Sending… wait for AX&apos;s answer.</source>
        <translation>보내는 중… AX의 응답을 기다리세요.</translation>
    </message>
    <message>
        <source>Type the purchaser&apos;s name, or book a slot from the Inventory tab.</source>
        <translation>구매자 이름을 입력하거나, 재고 탭에서 일정을 골라 예약하세요.</translation>
    </message>
    <message>
        <source>Not connected to AX. Choose a connection in Connection &gt; Connect.</source>
        <translation>AX에 연결되지 않았습니다. 연결 &gt; 연결 설정…에서 연결을 선택하세요.</translation>
    </message>
    <message>
        <source>Clear the form? What is typed now will be lost.</source>
        <translation>입력 내용을 지울까요? 지금 입력한 내용은 사라집니다.</translation>
    </message>
</context>
<context>
    <name>OrderValidation</name>
    <message>
        <source>Enter the country calling code, for example 82 for Korea.</source>
        <translation>국가번호를 입력하세요. 예: 한국은 82</translation>
    </message>
    <message>
        <source>“%1” is not a country calling code (82 is Korea, 1 the USA, 81 Japan).</source>
        <translation>“%1”은(는) 국가번호가 아닙니다 (한국 82, 미국 1, 일본 81).</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>“%1”은(는) 전화번호가 아닙니다.</translation>
    </message>
    <message>
        <source>This number is for +%1, but the country code says +%2.</source>
        <translation>+%1 국가의 번호인데 국가번호는 +%2입니다.</translation>
    </message>
    <message>
        <source>“%1” is not a valid phone number for +%2 (%3).</source>
        <translation>“%1”은(는) +%2(%3)의 올바른 전화번호가 아닙니다.</translation>
    </message>
    <message>
        <source>“%1” is not an email address; it should look like name@example.com.</source>
        <translation>“%1”은(는) 이메일 주소가 아닙니다. name@example.com 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The additional value “%1” has no field name; write name=value.</source>
        <translation>추가 정보 “%1”에 항목 이름이 없습니다. 이름=값 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The additional field “%1” is given twice.</source>
        <translation>추가 정보 항목 “%1”이(가) 두 번 들어 있습니다.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>전화번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>이메일 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>금액을 입력하세요.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>금액은 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Choose the currency: %1.</source>
        <translation>통화를 고르세요: %1.</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>항목을 하나 이상 추가하세요.</translation>
    </message>
    <message>
        <source>The total is negative: the discount (%1) is larger than the sub-total (%2).</source>
        <translation>합계가 음수입니다. 할인(%1)이 소계(%2)보다 큽니다.</translation>
    </message>
    <message>
        <source>“%1” is not an amount.</source>
        <translation>“%1”은(는) 금액이 아닙니다.</translation>
    </message>
    <message>
        <source>%1 amounts are whole numbers.</source>
        <translation>%1 금액은 정수로 입력하세요.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimals.</source>
        <translation>%1 금액은 소수점 아래 %2자리까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a product.</source>
        <translation>상품을 고르세요.</translation>
    </message>
    <message>
        <source>Choose an option.</source>
        <translation>옵션을 고르세요.</translation>
    </message>
    <message>
        <source>This option is no longer in the catalog; choose another one.</source>
        <translation>이 옵션은 카탈로그에 더 이상 없습니다. 다른 옵션을 고르세요.</translation>
    </message>
    <message>
        <source>This option is sold in %1, but the order is in %2; change the order&apos;s currency.</source>
        <translation>이 옵션은 %1(으)로 판매하는데 주문 통화는 %2입니다. 주문 통화를 바꾸세요.</translation>
    </message>
    <message>
        <source>%1 is in the past.</source>
        <translation>%1은(는) 지난 날짜입니다.</translation>
    </message>
    <message>
        <source>This departure left at %1; choose a later one.</source>
        <translation>이 일정은 %1에 이미 출발했습니다. 더 늦은 시각을 고르세요.</translation>
    </message>
    <message>
        <source>There is no departure at %1 on this date.</source>
        <translation>이 날짜에는 %1 출발 일정이 없습니다.</translation>
    </message>
    <message>
        <source>The discount per ticket (%1) is more than the unit price (%2).</source>
        <translation>1매당 할인(%1)이 단가(%2)보다 큽니다.</translation>
    </message>
    <message>
        <source>Seats left at this time: %1, but %2 are asked for; lower the quantity.</source>
        <translation>이 시각의 잔여석은 %1석인데 %2매를 요청했습니다. 수량을 줄이세요.</translation>
    </message>
    <message>
        <source>Lines %1 together want %2 seats of the same departure, but only %3 are left.</source>
        <translation>항목 %1에서 같은 출발 일정의 좌석을 합쳐서 %2석 요청했지만 잔여석은 %3석뿐입니다.</translation>
    </message>
    <message>
        <source>Choose a date.</source>
        <translation>이용일을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a start time.</source>
        <translation>출발 시각을 고르세요.</translation>
    </message>
    <message>
        <source>This departure is not on sale.</source>
        <translation>이 출발 일정은 판매하지 않습니다.</translation>
    </message>
    <message>
        <source>Sell at least one ticket.</source>
        <translation>티켓을 1매 이상 판매하세요.</translation>
    </message>
    <message>
        <source>This departure is sold out; pick another time.</source>
        <translation>이 출발 일정은 매진되었습니다. 다른 시각을 고르세요.</translation>
    </message>
</context>
<context>
    <name>OrdersExport</name>
    <message>
        <source>Currency</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>이용일</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>국가번호</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>티켓 상태</translation>
    </message>
    <message>
        <source>AX order</source>
        <translation>AX 주문</translation>
    </message>
    <message>
        <source>AX status</source>
        <translation>AX 상태</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>채널 주문</translation>
    </message>
    <message>
        <source>Traveler note</source>
        <translation>여행자 메모</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>추가 정보</translation>
    </message>
    <message>
        <source>Purchaser note</source>
        <translation>구매자 메모</translation>
    </message>
    <message>
        <source>Order comment</source>
        <translation>주문 메모</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Outcome unknown, reconciling</source>
        <translation>결과 미확인, 대조 중</translation>
    </message>
    <message>
        <source>Refused by AX</source>
        <translation>AX가 거부함</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>아직 확인 안 함</translation>
    </message>
    <message>
        <source>%1
Internal note: %2</source>
        <translation>%1
내부 메모: %2</translation>
    </message>
    <message>
        <source>AX status</source>
        <translation>AX 상태</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>채널 주문</translation>
    </message>
    <message>
        <source>AX orders</source>
        <translation>AX 주문</translation>
    </message>
    <message>
        <source>Product / option</source>
        <translation>상품 / 옵션</translation>
    </message>
    <message>
        <source>Date and time of use</source>
        <translation>이용 일시</translation>
    </message>
    <message>
        <source>Travelers</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>구매자</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>주문 일시</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>마지막 확인</translation>
    </message>
    <message>
        <source>Made elsewhere (looked up by code)</source>
        <translation>다른 곳에서 접수 (코드로 조회)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n ticket(s) cancelled</source>
        <translation>
            <numerusform>티켓 %n매 중 %1매 취소</numerusform>
        </translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>이 열은 정렬할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>%1+ orders</source>
        <translation>주문 %1건 이상</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>주문 1건</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>주문 %1건</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Number of orders shown</source>
        <translation>표시된 주문 수</translation>
    </message>
    <message>
        <source>Live sync state</source>
        <translation>실시간 동기화 상태</translation>
    </message>
</context>
<context>
    <name>PendingOrders</name>
    <message>
        <source>%1 sent, %2 refused by AX, %3 still not known. See the Orders tab.</source>
        <translation>접수 %1건, AX 거부 %2건, 아직 모름 %3건. 주문 목록 탭에서 확인하세요.</translation>
    </message>
    <message>
        <source>%1 were sent to another AX server, or to one axdesk did not record, and were not checked here.</source>
        <translation>%1건은 다른 AX 서버나 axdesk에 기록되지 않은 서버로 보낸 주문이라 여기서 확인하지 않았습니다.</translation>
    </message>
    <message>
        <source>Unfinished orders were checked with AX</source>
        <translation>처리 중이던 주문을 AX에 확인했습니다</translation>
    </message>
    <message>
        <source>Unfinished orders could not be checked</source>
        <translation>처리 중이던 주문을 확인하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Country code</source>
        <translation>국가번호</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>전화번호(&amp;P)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>이름(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>이메일(&amp;E)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>요청 사항</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>추가 정보</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>구매자</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>대표 여행자</translation>
    </message>
    <message>
        <source>%1 name</source>
        <translation>%1 이름</translation>
    </message>
    <message>
        <source>%1 country calling code</source>
        <translation>%1 국가번호</translation>
    </message>
    <message>
        <source>%1 phone</source>
        <translation>%1 전화번호</translation>
    </message>
    <message>
        <source>%1 email</source>
        <translation>%1 이메일</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>%1 요청 사항</translation>
    </message>
    <message>
        <source>%1 additional fields</source>
        <translation>%1 추가 정보</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>예: %1</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>성명</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Free text, e.g. allergies or pick-up wishes</source>
        <translation>자유 입력. 예: 알레르기, 픽업 희망 장소</translation>
    </message>
    <message>
        <source>english_name=Kim Minji; passport=M1234</source>
        <translation>english_name=Kim Minji; passport=M1234</translation>
    </message>
    <message>
        <source>Country calling code: 82 Korea, 1 USA/Canada, 81 Japan, 86 China</source>
        <translation>국가번호: 한국 82, 미국/캐나다 1, 일본 81, 중국 86</translation>
    </message>
    <message>
        <source>Extra data the supplier asks for, written as name=value pairs separated by ;</source>
        <translation>공급사가 요구하는 추가 정보. 이름=값 형식으로 쓰고 ;로 구분합니다</translation>
    </message>
</context>
<context>
    <name>PracticeMenu</name>
    <message>
        <source>Practice: AX will make the next order (or cancel) and its answer will be lost on the way. Watch what axdesk says, then settle it.</source>
        <translation>연습: AX가 다음 주문(또는 취소)을 처리하지만 그 응답은 도중에 사라집니다. axdesk가 무엇이라고 하는지 보고 확인해 정리하세요.</translation>
    </message>
    <message>
        <source>Practice: AX now takes %1 s longer to answer every request. Cancel a wait in the status bar.</source>
        <translation>연습: 이제 AX가 모든 요청에 %1초 더 늦게 응답합니다. 상태 표시줄에서 기다림을 취소해 보세요.</translation>
    </message>
    <message>
        <source>Practice: AX answers quickly again.</source>
        <translation>연습: AX가 다시 빠르게 응답합니다.</translation>
    </message>
    <message>
        <source>Practice: the supplier will reject the next order when it decides. Watch the Orders tab.</source>
        <translation>연습: 공급사가 다음 주문을 결정할 때 거절합니다. 주문 탭을 지켜보세요.</translation>
    </message>
    <message>
        <source>Practice: AX now refuses the API key, as if it had been changed.</source>
        <translation>연습: 이제 AX가 API 키를 바뀐 것처럼 거부합니다.</translation>
    </message>
    <message>
        <source>Practice: AX accepts the API key again.</source>
        <translation>연습: AX가 다시 API 키를 받아들입니다.</translation>
    </message>
    <message>
        <source>Practice: back to normal (tickets marked used stay used).</source>
        <translation>연습: 정상으로 돌아왔습니다 (사용됨으로 표시한 티켓은 그대로 사용됨입니다).</translation>
    </message>
    <message>
        <source>Practice: there is no live ticket to mark used; make an order first.</source>
        <translation>연습: 사용됨으로 표시할 유효한 티켓이 없습니다. 먼저 주문을 만드세요.</translation>
    </message>
    <message>
        <source>%1 — %2, %3 (ticket %4)</source>
        <translation>%1 — %2, %3 (티켓 %4)</translation>
    </message>
    <message>
        <source>Mark a ticket used</source>
        <translation>티켓을 사용됨으로 표시</translation>
    </message>
    <message>
        <source>The traveler came: which ticket did they use? It can no longer be cancelled.</source>
        <translation>여행자가 왔습니다. 어느 티켓을 사용했나요? 그 티켓은 더 이상 취소할 수 없습니다.</translation>
    </message>
    <message>
        <source>Mark used</source>
        <translation>사용됨으로 표시</translation>
    </message>
    <message>
        <source>Practice: the ticket of %1 is now used at AX. Try to cancel it when the traveler calls.</source>
        <translation>연습: %1의 티켓이 이제 AX에서 사용됨입니다. 여행자가 전화하면 취소해 보세요.</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>연습(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Lose the next answer after AX made it (%n staged)</source>
        <translation>
            <numerusform>AX가 처리한 다음 응답 잃기(&amp;L) (%n건 준비됨)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lose the next answer after AX made it</source>
        <translation>AX가 처리한 다음 응답 잃기(&amp;L)</translation>
    </message>
    <message>
        <source>AX is &amp;slow</source>
        <translation>AX 응답 느림(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quick (normal)</source>
        <translation>빠름(&amp;Q) (정상)</translation>
    </message>
    <message>
        <source>%1 s longer per request</source>
        <translation>요청마다 %1초 더</translation>
    </message>
    <message numerus="yes">
        <source>Supplier &amp;rejects the next order (%n staged)</source>
        <translation>
            <numerusform>공급사가 다음 주문 거절(&amp;R) (%n건 준비됨)</numerusform>
        </translation>
    </message>
    <message>
        <source>Supplier &amp;rejects the next order</source>
        <translation>공급사가 다음 주문 거절(&amp;R)</translation>
    </message>
    <message>
        <source>Mark a ticket &amp;used…</source>
        <translation>티켓을 사용됨으로 표시(&amp;U)…</translation>
    </message>
    <message>
        <source>AX re&amp;fuses the key</source>
        <translation>AX가 키 거부(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back to normal</source>
        <translation>정상으로 되돌리기(&amp;B)</translation>
    </message>
    <message>
        <source>Quit practice mode</source>
        <translation>연습 모드 끝내기</translation>
    </message>
    <message>
        <source>Quit practice mode? The order being typed is lost: practice orders and drafts are not kept.</source>
        <translation>연습 모드를 끝낼까요? 입력 중인 주문은 사라집니다. 연습 주문과 임시 저장본은 보관되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Reading the catalog…</source>
        <translation>카탈로그를 읽는 중…</translation>
    </message>
    <message>
        <source>Product name or code</source>
        <translation>상품명 또는 상품 코드</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>프로필 이름</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>환경(&amp;E):</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>서버 주소(&amp;A):</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Supplier &amp;time zone:</source>
        <translation>공급사 시간대(&amp;T):</translation>
    </message>
    <message>
        <source>Supplier time zone</source>
        <translation>공급사 시간대</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>&amp;Channel code:</source>
        <translation>채널 코드(&amp;C):</translation>
    </message>
    <message>
        <source>Channel code</source>
        <translation>채널 코드</translation>
    </message>
    <message>
        <source>for example: Seoul desk</source>
        <translation>예: 서울 데스크</translation>
    </message>
    <message>
        <source>Production (real orders)</source>
        <translation>운영 (실제 주문)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>직접 입력한 주소</translation>
    </message>
    <message>
        <source>from your AX account</source>
        <translation>AX 계정에서 확인하세요</translation>
    </message>
    <message>
        <source>This AX answers a &amp;repeated order code with the same order</source>
        <translation>이 AX는 반복된 주문 코드에 같은 주문으로 응답함(&amp;R)</translation>
    </message>
    <message>
        <source>This AX answers a repeated order code with the same order</source>
        <translation>이 AX는 반복된 주문 코드에 같은 주문으로 응답함</translation>
    </message>
    <message>
        <source>Tick only if you know that this AX, sent an order again under a channel order code it already has, answers with the order it made and never makes a second one. The AX pages do not promise it. When ticked, axdesk sends an order AX already has again under the same code to learn its ticket codes, and settles an order whose answer was lost by sending it again. When not ticked, such an order is settled from AX&apos;s status answer alone: its ticket codes stay unknown (so its tickets cannot be cancelled from axdesk), and it is never sent again while AX may have it.</source>
        <translation>이미 가진 채널 주문 코드로 주문을 다시 받았을 때 이 AX가 이미 만든 주문으로 응답하고 두 번째 주문을 절대 만들지 않는다는 것을 알고 있을 때만 선택하세요. AX 문서는 이를 보장하지 않습니다. 선택하면 axdesk는 AX에 이미 있는 주문을 같은 코드로 다시 보내 티켓 코드를 알아내고, 응답을 잃은 주문도 다시 보내서 확정합니다. 선택하지 않으면 그런 주문은 AX의 상태 응답만으로 확정합니다. 티켓 코드는 알 수 없는 채로 남고(그래서 axdesk에서 그 티켓을 취소할 수 없습니다), AX에 주문이 있을 수 있는 동안에는 절대 다시 보내지 않습니다.</translation>
    </message>
    <message>
        <source>&amp;Show the API key and channel code</source>
        <translation>API 키와 채널 코드 보기(&amp;S)</translation>
    </message>
    <message>
        <source>Show the API key and channel code</source>
        <translation>API 키와 채널 코드 보기</translation>
    </message>
    <message>
        <source>Keep them for this session only (forgotten when axdesk quits)</source>
        <translation>이번 실행 동안만 보관 (axdesk를 끄면 지워짐)</translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation>API 키와 채널 코드를 이번 실행 동안만 보관</translation>
    </message>
    <message>
        <source>Where the secrets are kept</source>
        <translation>API 키와 채널 코드 보관 위치</translation>
    </message>
    <message>
        <source>Give the profile a name, for example: Seoul desk.</source>
        <translation>프로필 이름을 입력하세요. 예: 서울 데스크</translation>
    </message>
    <message>
        <source>A profile named %1 already exists; choose another name.</source>
        <translation>%1 프로필이 이미 있습니다. 다른 이름을 정하세요.</translation>
    </message>
    <message>
        <source>The server address must start with https:// and name a server, with no user name, &apos;?&apos; or &apos;#&apos;. Plain http:// is allowed only for this computer (127.0.0.1 or localhost).</source>
        <translation>서버 주소는 https://로 시작하고 서버 이름이 있어야 하며, 사용자 이름이나 &apos;?&apos;, &apos;#&apos;을 넣을 수 없습니다. http://는 이 컴퓨터(127.0.0.1 또는 localhost)에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not a known time zone. Choose one from the list, for example Asia/Seoul.</source>
        <translation>%1은(는) 알 수 없는 시간대입니다. 목록에서 고르세요. 예: Asia/Seoul</translation>
    </message>
    <message>
        <source>Enter the API key from your AX account.</source>
        <translation>AX 계정의 API 키를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the channel code from your AX account.</source>
        <translation>AX 계정의 채널 코드를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no keyring</source>
        <translation>키링 없음</translation>
    </message>
    <message>
        <source>GNOME Keyring / Secret Service</source>
        <translation>GNOME 키링 / Secret Service</translation>
    </message>
    <message>
        <source>KDE Wallet</source>
        <translation>KDE 지갑</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS 키체인</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 자격 증명 관리자</translation>
    </message>
    <message>
        <source>axdesk could not read the API key from %1, where it keeps the secrets of each connection. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에서 API 키를 읽지 못했습니다. axdesk는 연결별 API 키와 채널 코드를 %1에 보관합니다. %1이(가) 실행 중이고 잠금이 풀려 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>axdesk could not save the API key in %1, where it keeps the secrets of each connection. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에 API 키를 저장하지 못했습니다. axdesk는 연결별 API 키와 채널 코드를 %1에 보관합니다. %1이(가) 실행 중이고 잠금이 풀려 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>axdesk could not delete the API key from %1, where it keeps the secrets of each connection. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에서 API 키를 삭제하지 못했습니다. axdesk는 연결별 API 키와 채널 코드를 %1에 보관합니다. %1이(가) 실행 중이고 잠금이 풀려 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>axdesk could not read the team journal&apos;s password from %1. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에서 팀 주문 기록의 비밀번호를 읽지 못했습니다. %1이(가) 실행 중이고 잠금 해제되어 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>axdesk could not save the team journal&apos;s password in %1. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에 팀 주문 기록의 비밀번호를 저장하지 못했습니다. %1이(가) 실행 중이고 잠금 해제되어 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>axdesk could not delete the team journal&apos;s password from %1. Check that %1 is running and unlocked, then try again.</source>
        <translation>axdesk가 %1에서 팀 주문 기록의 비밀번호를 지우지 못했습니다. %1이(가) 실행 중이고 잠금 해제되어 있는지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The saved API key for this profile in %1 is unreadable; please enter it again.</source>
        <translation>%1에 저장된 이 프로필의 API 키를 읽을 수 없습니다. 다시 입력해 주세요.</translation>
    </message>
    <message>
        <source>in memory for this session only</source>
        <translation>이번 실행 동안만 메모리에</translation>
    </message>
    <message>
        <source>No secure keyring (such as GNOME Keyring, KDE Wallet, macOS Keychain or Windows Credential Manager) is available on this computer, so axdesk will not save the API key; you can keep it for this session only.</source>
        <translation>이 컴퓨터에는 안전한 키링(GNOME 키링, KDE 지갑, macOS 키체인, Windows 자격 증명 관리자 등)이 없어서 axdesk가 API 키를 저장하지 않습니다. 이번 실행 동안만 보관할 수는 있습니다.</translation>
    </message>
</context>
<context>
    <name>SelectedOrder</name>
    <message>
        <source>This order has no ticket that can be cancelled.</source>
        <translation>이 주문에는 취소할 수 있는 티켓이 없습니다.</translation>
    </message>
</context>
<context>
    <name>SentNotes</name>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>Additional: %1</source>
        <translation>추가 정보: %1</translation>
    </message>
    <message>
        <source>Order comment: %1</source>
        <translation>주문 코멘트: %1</translation>
    </message>
    <message>
        <source>Purchaser&apos;s note: %1</source>
        <translation>구매자 메모: %1</translation>
    </message>
    <message>
        <source>Lead traveler %1: %2</source>
        <translation>대표 여행자 %1: %2</translation>
    </message>
</context>
<context>
    <name>ShellActions</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Journal…</source>
        <translation>주문 기록(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>연결 설정(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;atalog</source>
        <translation>카탈로그(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit catalog…</source>
        <translation>카탈로그 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>시스템 언어(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;call log</source>
        <translation>API 호출 기록 보기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>사용 설명서(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About axdesk</source>
        <translation>axdesk 정보(&amp;A)</translation>
    </message>
    <message>
        <source>This &amp;desk…</source>
        <translation>이 데스크(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Move this computer&apos;s journal to the team server…</source>
        <translation>이 컴퓨터의 주문 기록을 팀 서버로 옮기기(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <source>AX could not be reached</source>
        <translation>AX에 연결할 수 없음</translation>
    </message>
    <message>
        <source>AX is slow to answer</source>
        <translation>AX의 응답이 느림</translation>
    </message>
    <message>
        <source>AX refused the API key or channel code</source>
        <translation>AX가 API 키 또는 채널 코드를 거부함</translation>
    </message>
    <message>
        <source>AX had a server error</source>
        <translation>AX 서버 오류</translation>
    </message>
    <message>
        <source>the answer was not understood</source>
        <translation>응답을 해석할 수 없음</translation>
    </message>
    <message>
        <source>the connection test failed</source>
        <translation>연결 테스트가 실패함</translation>
    </message>
    <message>
        <source>Not connected. Choose Connection &gt; Connect… to start.</source>
        <translation>연결되지 않았습니다. 연결 &gt; 연결 설정…에서 시작하세요.</translation>
    </message>
    <message>
        <source>%1: the last request to AX failed (%2).</source>
        <translation>%1: AX에 보낸 마지막 요청이 실패했습니다 (%2).</translation>
    </message>
    <message>
        <source>Connected: %1 (%2)</source>
        <translation>연결됨: %1 (%2)</translation>
    </message>
    <message>
        <source>Last successful call: %1</source>
        <translation>마지막 성공 요청: %1</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>연결 상태</translation>
    </message>
    <message>
        <source>No successful call yet</source>
        <translation>아직 성공한 요청 없음</translation>
    </message>
    <message>
        <source>Time of the last successful call to AX</source>
        <translation>AX에 마지막으로 성공한 요청 시각</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>axdesk is already open with this data folder; its window was brought to the front.</source>
        <translation>이 데이터 폴더로 axdesk가 이미 열려 있어 그 창을 앞으로 가져왔습니다.</translation>
    </message>
    <message>
        <source>Another axdesk holds the data folder %1 but does not answer. Close it (or end it in the task manager) and start axdesk again.</source>
        <translation>다른 axdesk가 데이터 폴더 %1을(를) 사용 중이지만 응답하지 않습니다. 그 프로그램을 닫거나(작업 관리자에서 종료) axdesk를 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>SlotBooking</name>
    <message>
        <source>This departure has already left.</source>
        <translation>이미 출발한 일정입니다.</translation>
    </message>
    <message>
        <source>This departure is not on sale.</source>
        <translation>이 출발 일정은 판매하지 않습니다.</translation>
    </message>
    <message>
        <source>This departure is sold out.</source>
        <translation>이 출발 일정은 매진되었습니다.</translation>
    </message>
    <message>
        <source>Choose another departure.</source>
        <translation>다른 출발 일정을 고르세요.</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Option not named by AX</source>
        <translation>AX에 이름이 없는 옵션</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>travelers booked / minimum</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of min. %2, guaranteed</source>
        <translation>최소 %2명 중 %1명 예약, 출발 확정</translation>
    </message>
    <message>
        <source>%1 of min. %2, %3 more needed</source>
        <translation>최소 %2명 중 %1명 예약, %3명 더 필요</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>출발 시각</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>잔여석</translation>
    </message>
    <message>
        <source>Booked / min.</source>
        <translation>예약 / 최소</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Travelers booked, against the minimum needed for the tour to run</source>
        <translation>예약된 여행자 수 / 출발에 필요한 최소 인원</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>경고 없음</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>seats left / maximum</comment>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>SlowCallNote</name>
    <message>
        <source>AX is slow to answer… (%1 s)</source>
        <translation>AX의 응답이 느립니다… (%1초)</translation>
    </message>
    <message>
        <source>Waiting for AX</source>
        <translation>AX 응답 대기 중</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop waiting; if AX answers later, its answer is ignored</source>
        <translation>기다리지 않기. 나중에 AX가 응답해도 무시됩니다</translation>
    </message>
    <message>
        <source>Stop waiting for AX</source>
        <translation>AX 응답 기다리지 않기</translation>
    </message>
</context>
<context>
    <name>StaleInventory</name>
    <message>
        <source>Loading %1… The departures below are of %2 and cannot be booked.</source>
        <translation>%1 불러오는 중… 아래 출발 일정은 %2의 것이므로 예약할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 could not be loaded. The departures below are of %2 and cannot be booked.</source>
        <translation>%1을(를) 불러오지 못했습니다. 아래 출발 일정은 %2의 것이므로 예약할 수 없습니다.</translation>
    </message>
    <message>
        <source>The departures below are of %1, not of the product in the box: press Enter to show it.</source>
        <translation>아래 출발 일정은 상품 칸에 적힌 상품이 아니라 %1의 것입니다. Enter 키를 눌러 칸의 상품을 표시하세요.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>axdesk could not open its log file %1 (%2); check that you may write to %3 and that nothing else holds the file.</source>
        <translation>axdesk가 로그 파일 %1을(를) 열 수 없습니다(%2). %3에 쓸 권한이 있는지, 다른 프로그램이 이 파일을 사용하고 있지 않은지 확인하세요.</translation>
    </message>
    <message>
        <source>Starting the practice AX…</source>
        <translation>연습용 AX를 시작하는 중…</translation>
    </message>
    <message>
        <source>The practice sandbox could not start: %1</source>
        <translation>연습용 샌드박스를 시작할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>StoreText</name>
    <message>
        <source>Row %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>%1번째 상품</translation>
    </message>
    <message>
        <source>Product %1, option %2</source>
        <translation>%1번째 상품의 %2번째 옵션</translation>
    </message>
    <message>
        <source>product code</source>
        <translation>상품 코드</translation>
    </message>
    <message>
        <source>product name</source>
        <translation>상품 이름</translation>
    </message>
    <message>
        <source>option code (dc_code)</source>
        <translation>옵션 코드(dc_code)</translation>
    </message>
    <message>
        <source>option name</source>
        <translation>옵션 이름</translation>
    </message>
    <message>
        <source>channel product mapping code</source>
        <translation>채널 상품 매핑 코드</translation>
    </message>
    <message>
        <source>the unit price %1 must be written as text or a whole number</source>
        <translation>단가 %1은(는) 문자나 정수로 적어야 합니다</translation>
    </message>
    <message>
        <source>the unit price is missing</source>
        <translation>단가가 없습니다</translation>
    </message>
    <message>
        <source>the unit price &apos;%1&apos; is not a number</source>
        <translation>단가 &apos;%1&apos;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>the unit price %1 is negative</source>
        <translation>단가 %1이(가) 음수입니다</translation>
    </message>
    <message>
        <source>the unit price %1 is too large</source>
        <translation>단가 %1이(가) 너무 큽니다</translation>
    </message>
    <message>
        <source>the unit price %1 has more than %2 decimals</source>
        <translation>단가 %1의 소수 자릿수가 %2자리를 넘습니다</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: the %2 is missing.</source>
        <translation>%1: %2 값이 없습니다.</translation>
    </message>
    <message>
        <source>%1: the %2 &apos;%3&apos; must be one word of at most %4 characters.</source>
        <translation>%1: %2 &apos;%3&apos;은(는) 공백 없이 %4자 이하여야 합니다.</translation>
    </message>
    <message>
        <source>%1: the %2 is longer than %3 characters.</source>
        <translation>%1: %2이(가) %3자보다 깁니다.</translation>
    </message>
    <message>
        <source>%1: product %2 is named &apos;%3&apos; here but &apos;%4&apos; in %5.</source>
        <translation>%1: 상품 %2의 이름이 여기서는 &apos;%3&apos;인데 %5에서는 &apos;%4&apos;입니다.</translation>
    </message>
    <message>
        <source>%1: the currency must be KRW or USD (got &apos;%2&apos;).</source>
        <translation>%1: 통화는 KRW 또는 USD여야 합니다(&apos;%2&apos;이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1: the currency must be KRW or USD (it is missing).</source>
        <translation>%1: 통화는 KRW 또는 USD여야 합니다(비어 있음).</translation>
    </message>
    <message>
        <source>%1: option %2 already appears in %3.</source>
        <translation>%1: 옵션 %2은(는) 이미 %3에 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1이(가) 객체가 아닙니다.</translation>
    </message>
    <message>
        <source>%1: options must be a list.</source>
        <translation>%1: options는 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (nor Korean Windows text); save it as CSV UTF-8.</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다(한국어 Windows 텍스트도 아닙니다). &apos;CSV UTF-8&apos;로 저장하세요.</translation>
    </message>
    <message>
        <source>The file was not UTF-8; it was read as Korean Windows text (CP949). Check that the Korean names look right.</source>
        <translation>파일이 UTF-8이 아니어서 한국어 Windows 텍스트(CP949)로 읽었습니다. 한글 이름이 제대로 보이는지 확인하세요.</translation>
    </message>
    <message>
        <source>Row %1: the CSV cannot be read (%2).</source>
        <translation>%1행: CSV를 읽을 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The file is empty; a header row is expected.</source>
        <translation>파일이 비어 있습니다. 머리글 행이 있어야 합니다.</translation>
    </message>
    <message>
        <source>Row 1: the header lacks the column %1; expected %2.</source>
        <translation>1행: 머리글에 %1 열이 없습니다. 필요한 열: %2.</translation>
    </message>
    <message>
        <source>Row 1: the header lacks the columns %1; expected %2.</source>
        <translation>1행: 머리글에 %1 열들이 없습니다. 필요한 열: %2.</translation>
    </message>
    <message>
        <source>Row 1: the column %1 appears more than once.</source>
        <translation>1행: %1 열이 두 번 이상 있습니다.</translation>
    </message>
    <message>
        <source>Row 1: the columns %1 appear more than once.</source>
        <translation>1행: %1 열들이 두 번 이상 있습니다.</translation>
    </message>
    <message>
        <source>The column %1 was not used and ignored.</source>
        <translation>%1 열은 쓰지 않아 무시했습니다.</translation>
    </message>
    <message>
        <source>The columns %1 were not used and ignored.</source>
        <translation>%1 열들은 쓰지 않아 무시했습니다.</translation>
    </message>
    <message>
        <source>%1: there are more cells than header columns.</source>
        <translation>%1: 칸이 머리글의 열보다 많습니다.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at line %2, column %3).</source>
        <translation>파일이 올바른 JSON이 아닙니다(%2번째 줄 %3번째 글자: %1).</translation>
    </message>
    <message>
        <source>The file is JSON nested too deeply to be a catalog.</source>
        <translation>파일의 JSON이 너무 깊게 중첩되어 있어 카탈로그가 될 수 없습니다.</translation>
    </message>
    <message>
        <source>The file holds a number too long to be a catalog value.</source>
        <translation>파일에 카탈로그 값이 되기에는 너무 긴 숫자가 있습니다.</translation>
    </message>
    <message>
        <source>The file must hold {&quot;products&quot;: [...]} with one object per product.</source>
        <translation>파일에는 상품마다 객체 하나씩 담긴 {&quot;products&quot;: [...]}가 있어야 합니다.</translation>
    </message>
    <message>
        <source>Option %1 belongs to product %2, which is not in the catalog.</source>
        <translation>옵션 %1은(는) 카탈로그에 없는 상품 %2의 옵션입니다.</translation>
    </message>
    <message>
        <source>The file could not be read (%1).</source>
        <translation>파일을 읽을 수 없습니다(%1).</translation>
    </message>
    <message>
        <source>The catalog could not be written to %1 (%2).</source>
        <translation>카탈로그를 %1에 쓸 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The server address &apos;%1&apos; is not a valid URL.</source>
        <translation>서버 주소 &apos;%1&apos;은(는) 올바른 URL이 아닙니다.</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>프로필에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>The profile name &apos;%1&apos;... is longer than 80 characters.</source>
        <translation>프로필 이름 &apos;%1&apos;...이(가) 80자보다 깁니다.</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos;: environment must be production, test or custom (got &apos;%2&apos;).</source>
        <translation>프로필 &apos;%1&apos;: 환경은 production, test, custom 중 하나여야 합니다(&apos;%2&apos;이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos;: %2</source>
        <translation>프로필 &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos;: &apos;%2&apos; is not a known time zone (for example Asia/Seoul).</source>
        <translation>프로필 &apos;%1&apos;: &apos;%2&apos;은(는) 알려진 시간대가 아닙니다(예: Asia/Seoul).</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos;</source>
        <translation>프로필 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false (got %3).</source>
        <translation>%1: %2은(는) true 또는 false여야 합니다(받은 값: %3).</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>%1번째 프로필</translation>
    </message>
    <message>
        <source>%1 is not an object with a name and an environment.</source>
        <translation>%1이(가) 이름과 환경을 가진 객체가 아닙니다.</translation>
    </message>
    <message>
        <source>%1 contained the field &apos;%2&apos;, which looks like a secret; it was removed from the settings file. Secrets are kept only in the system keyring.</source>
        <translation>%1에 비밀 값으로 보이는 &apos;%2&apos; 항목이 있어 설정 파일에서 지웠습니다. 비밀 값은 시스템 키링에만 보관합니다.</translation>
    </message>
    <message>
        <source>%1 contained the unknown field &apos;%2&apos;; it was ignored.</source>
        <translation>%1에 알 수 없는 항목 &apos;%2&apos;이(가) 있어 무시했습니다.</translation>
    </message>
    <message>
        <source>%1: %2 must be text (got %3).</source>
        <translation>%1: %2은(는) 문자여야 합니다(%3이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>The profile list must be a list.</source>
        <translation>프로필 목록은 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>Two profiles are named &apos;%1&apos;; names must differ.</source>
        <translation>두 프로필의 이름이 모두 &apos;%1&apos;입니다. 이름은 서로 달라야 합니다.</translation>
    </message>
    <message>
        <source>%1 must be one of %2 (got %3).</source>
        <translation>%1은(는) %2 중 하나여야 합니다(%3이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1 must be a whole number (got %2).</source>
        <translation>%1은(는) 정수여야 합니다(%2이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 (got %4).</source>
        <translation>%1은(는) %2에서 %3 사이여야 합니다(%4이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1 must be text (got %2).</source>
        <translation>%1은(는) 문자여야 합니다(%2이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1이(가) %2자보다 깁니다.</translation>
    </message>
    <message>
        <source>Recent products must be a list of product codes.</source>
        <translation>최근 상품은 상품 코드 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>Recent products must be product codes (got %1).</source>
        <translation>최근 상품은 상품 코드여야 합니다(%1이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>%1 The default (%2) is used instead.</source>
        <translation>%1 기본값(%2)을 대신 씁니다.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>it could not be read (%1)</source>
        <translation>파일을 읽을 수 없었기(%1)</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1, line %2)</source>
        <translation>올바른 JSON이 아니었기(%2번째 줄: %1)</translation>
    </message>
    <message>
        <source>it does not hold a JSON object</source>
        <translation>JSON 객체가 들어 있지 않았기</translation>
    </message>
    <message>
        <source>some values in it were not valid</source>
        <translation>일부 값이 올바르지 않았기</translation>
    </message>
    <message>
        <source>The settings file %1 was not used because %2, and it could not be kept aside as %3 (%4); the defaults are used.</source>
        <translation>설정 파일 %1은(는) %2 때문에 쓰지 않았고, %3(으)로 따로 보관하지도 못했습니다(%4). 기본 설정을 씁니다.</translation>
    </message>
    <message>
        <source>The settings file was not used because %1. It was kept as %2 and the default settings are used.</source>
        <translation>설정 파일은 %1 때문에 쓰지 않았습니다. 원래 파일은 %2(으)로 보관했고 기본 설정을 씁니다.</translation>
    </message>
    <message>
        <source>The settings file was repaired because %1; the original was kept as %2.</source>
        <translation>설정 파일은 %1 때문에 고쳤습니다. 원래 파일은 %2(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1 (%2).</source>
        <translation>설정을 %1에 저장할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Last profile</source>
        <translation>마지막 프로필</translation>
    </message>
    <message>
        <source>Poll interval (seconds)</source>
        <translation>주문 확인 간격(초)</translation>
    </message>
    <message>
        <source>Nearly-full threshold (seats)</source>
        <translation>거의 매진 기준(좌석)</translation>
    </message>
    <message>
        <source>Inventory refresh age (seconds)</source>
        <translation>재고 새로 고침 주기(초)</translation>
    </message>
    <message>
        <source>Window geometry</source>
        <translation>창 위치와 크기</translation>
    </message>
    <message>
        <source>Window state</source>
        <translation>창 상태</translation>
    </message>
    <message>
        <source>This order was sent to %1; connect to that server to check it.</source>
        <translation>이 주문은 %1(으)로 보냈습니다. 확인하려면 그 서버에 연결하세요.</translation>
    </message>
    <message>
        <source>axdesk did not record which AX server the order %1 was sent to, so it is not checked or sent again on its own. Connect to the server it was taken on and confirm there that it belongs to that server.</source>
        <translation>axdesk가 주문 %1을(를) 어느 AX 서버로 보냈는지 기록하지 않아, 저절로 확인하거나 다시 보내지 않습니다. 주문을 받은 서버에 연결한 뒤 그 서버의 주문임을 확인하세요.</translation>
    </message>
    <message>
        <source>The order %1 is being sent or settled at another desk right now.</source>
        <translation>주문 %1은(는) 지금 다른 데스크에서 전송 또는 정리 중입니다.</translation>
    </message>
    <message>
        <source>While this desk&apos;s catalog changes waited for the team journal, %1 (%2) also changed %3: this desk&apos;s version was kept and shared; check it.</source>
        <translation>이 데스크의 카탈로그 변경이 팀 주문 기록을 기다리는 동안 %1(%2)도 %3을(를) 바꿨습니다. 이 데스크의 내용을 남기고 팀에 공유했으니 확인해 주세요.</translation>
    </message>
    <message>
        <source>The team journal setting must name a host, a port, a database and a user.</source>
        <translation>팀 저널 설정에는 호스트, 포트, 데이터베이스, 사용자가 모두 있어야 합니다.</translation>
    </message>
    <message>
        <source>The team server needs an address (a host name or an IP address).</source>
        <translation>팀 서버의 주소(호스트 이름 또는 IP 주소)를 입력하세요.</translation>
    </message>
    <message>
        <source>The team server&apos;s address &apos;%1&apos; is not a host name or an IP address.</source>
        <translation>팀 서버 주소 &apos;%1&apos;은(는) 호스트 이름이나 IP 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>The team server&apos;s port must be a whole number from 1 to 65535 (got %1).</source>
        <translation>팀 서버의 포트는 1에서 65535 사이의 정수여야 합니다(%1이(가) 적혀 있음).</translation>
    </message>
    <message>
        <source>The team server needs the name of its database.</source>
        <translation>팀 서버의 데이터베이스 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The database name &apos;%1&apos; may hold only letters, digits and _ $ . - (at most 63 of them).</source>
        <translation>데이터베이스 이름 &apos;%1&apos;에는 영문자, 숫자와 _ $ . - 만 쓸 수 있습니다(최대 63자).</translation>
    </message>
    <message>
        <source>The team server needs a user name.</source>
        <translation>팀 서버의 사용자 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The user name is longer than 63 characters or holds a line break.</source>
        <translation>사용자 이름이 63자보다 길거나 줄바꿈이 들어 있습니다.</translation>
    </message>
    <message>
        <source>The team server&apos;s address cannot be used: %1</source>
        <translation>팀 서버 주소를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The team journal at %1 works: the server answered, it accepted the user name and password, and its tables are the ones this axdesk uses (schema %2).</source>
        <translation>%1의 팀 저널을 쓸 수 있습니다. 서버가 응답했고, 사용자 이름과 비밀번호를 받아들였으며, 테이블도 이 버전이 쓰는 구조(스키마 %2)입니다.</translation>
    </message>
    <message>
        <source>The server at %1 answered and accepted the user name and password, but the database holds no axdesk journal yet: start one desk once as the tables&apos; owner to create it.</source>
        <translation>%1 서버가 응답했고 사용자 이름과 비밀번호도 받아들였지만, 데이터베이스에 아직 저널이 없습니다. 테이블 소유자 계정으로 데스크 하나를 한 번 시작해 저널을 만드세요.</translation>
    </message>
    <message>
        <source>The server at %1 answered and accepted the user name and password, but its journal is at schema %2 and this axdesk needs %3: start one desk once as the tables&apos; owner to bring it up to date.</source>
        <translation>%1 서버가 응답했고 사용자 이름과 비밀번호도 받아들였지만, 저널의 스키마는 %2이고 이 버전에는 %3이(가) 필요합니다. 테이블 소유자 계정으로 데스크 하나를 한 번 시작해 저널을 최신으로 올리세요.</translation>
    </message>
    <message>
        <source>The server at %1 answered and accepted the user name and password, but its journal was written by a newer axdesk (schema %2; this one understands up to %3): update axdesk.</source>
        <translation>%1 서버가 응답했고 사용자 이름과 비밀번호도 받아들였지만, 저널은 더 새 버전이 기록한 것입니다(스키마 %2, 이 버전은 %3까지 읽음). 프로그램을 업데이트하세요.</translation>
    </message>
    <message>
        <source>The server at %1 refused the user name or the password (%2).</source>
        <translation>%1 서버가 사용자 이름 또는 비밀번호를 거부했습니다(%2).</translation>
    </message>
    <message>
        <source>The server at %1 does not let this computer in with that user (%2).</source>
        <translation>%1 서버가 이 컴퓨터에서 그 사용자로 접속하는 것을 허용하지 않습니다(%2).</translation>
    </message>
    <message>
        <source>The server at %1 has no database of that name (%2).</source>
        <translation>%1 서버에 그런 이름의 데이터베이스가 없습니다(%2).</translation>
    </message>
    <message>
        <source>The address %1 does not name a computer that can be found (%2).</source>
        <translation>주소 %1에 해당하는 컴퓨터를 찾을 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: check the address and port, and that the server is running and lets this computer connect (%2).</source>
        <translation>%1 서버에 연결할 수 없습니다. 주소와 포트, 서버가 실행 중인지, 이 컴퓨터의 접속을 허용하는지 확인하세요(%2).</translation>
    </message>
    <message>
        <source>The server at %1 was not reached safely: its TLS certificate or name could not be checked (%2).</source>
        <translation>%1 서버에 안전하게 연결하지 못했습니다. 서버의 보안 인증서나 이름을 확인할 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, and a server that is not this computer is only used over TLS: turn on ssl in its postgresql.conf with a certificate for its name.</source>
        <translation>%1 서버는 TLS를 제공하지 않습니다. 이 컴퓨터가 아닌 서버는 TLS로만 사용합니다. 서버의 postgresql.conf에서 서버 이름에 맞는 인증서로 ssl을 켜세요.</translation>
    </message>
    <message>
        <source>The server at %1 was not reached safely: its TLS certificate is not signed by an authority this computer trusts (%2). Install the agency&apos;s certificate authority, or name it with sslrootcert= in the address.</source>
        <translation>%1 서버에 안전하게 연결하지 못했습니다. 서버의 TLS 인증서가 이 컴퓨터가 신뢰하는 인증 기관의 서명을 받지 않았습니다(%2). 대행사의 인증 기관을 설치하거나 주소에 sslrootcert=로 지정하세요.</translation>
    </message>
    <message>
        <source>The server at %1 was not reached safely: its TLS certificate is for another name (%2). Use the name the certificate was made for.</source>
        <translation>%1 서버에 안전하게 연결하지 못했습니다. 서버의 TLS 인증서는 다른 이름용입니다(%2). 인증서가 발급된 이름을 사용하세요.</translation>
    </message>
    <message>
        <source>The user may not read the journal at %1 (%2): run grants.sql as its owner.</source>
        <translation>이 사용자는 %1의 저널을 읽을 권한이 없습니다(%2). 소유자 계정으로 권한 스크립트(grants.sql)를 실행하세요.</translation>
    </message>
    <message>
        <source>The server at %1 could not be used: %2</source>
        <translation>%1 서버를 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>담당자 이름</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>데스크 이름</translation>
    </message>
</context>
<context>
    <name>SubmitBar</name>
    <message>
        <source>Ne&amp;w order</source>
        <translation>새 주문(&amp;W)</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>새 주문</translation>
    </message>
    <message>
        <source>Clear the form and start another order</source>
        <translation>입력 내용을 지우고 새 주문 시작</translation>
    </message>
    <message>
        <source>Send order</source>
        <translation>주문 전송</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <source>Total —</source>
        <translation>합계 —</translation>
    </message>
    <message>
        <source>Send the order to AX (Ctrl+Enter)</source>
        <translation>AX로 주문 전송 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ready to send: Ctrl+Enter</source>
        <translation>전송 준비 완료: Ctrl+Enter</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>전송 준비 완료</translation>
    </message>
    <message>
        <source>Cannot send yet: %1</source>
        <translation>아직 보낼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
</context>
<context>
    <name>TeamJournalBadge</name>
    <message>
        <source>Team journal offline</source>
        <translation>팀 주문 기록 오프라인</translation>
    </message>
    <message>
        <source>The team journal&apos;s server cannot be reached. Lists show what was read last; sending and cancelling wait until it is back. axdesk reconnects by itself.</source>
        <translation>팀 주문 기록 서버에 연결할 수 없습니다. 목록은 마지막으로 읽은 내용이며, 주문 보내기와 취소는 서버에 다시 연결될 때까지 할 수 없습니다. axdesk가 알아서 다시 연결합니다.</translation>
    </message>
</context>
<context>
    <name>TeamJournalBanner</name>
    <message>
        <source>&lt;b&gt;Team journal offline&lt;/b&gt; — the list shows what was read last. Sending and cancelling wait until the team journal is back; axdesk reconnects by itself.</source>
        <translation>&lt;b&gt;팀 주문 기록 오프라인&lt;/b&gt; — 목록은 마지막으로 읽은 내용입니다. 주문 보내기와 취소는 팀 주문 기록에 다시 연결될 때까지 할 수 없으며, axdesk가 알아서 다시 연결합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Team journal offline&lt;/b&gt; — the list is the last one read, as of %1. Sending and cancelling wait until the team journal is back; axdesk reconnects by itself.</source>
        <translation>&lt;b&gt;팀 주문 기록 오프라인&lt;/b&gt; — 목록은 %1에 마지막으로 읽은 내용입니다. 주문 보내기와 취소는 팀 주문 기록에 다시 연결될 때까지 할 수 없으며, axdesk가 알아서 다시 연결합니다.</translation>
    </message>
    <message>
        <source>Team journal offline</source>
        <translation>팀 주문 기록 오프라인</translation>
    </message>
</context>
<context>
    <name>TicketCancelling</name>
    <message>
        <source>Cancelling the ticket of %1…</source>
        <translation>%1 님의 티켓을 취소하는 중…</translation>
    </message>
    <message>
        <source>Cancelling %1 ticket(s)…</source>
        <translation>티켓 %1매를 취소하는 중…</translation>
    </message>
    <message>
        <source>The ticket of %1 is cancelled. AX order %2: %3.</source>
        <translation>%1 님의 티켓을 취소했습니다. AX 주문 %2: %3.</translation>
    </message>
    <message>
        <source>%1 of %2 tickets cancelled.</source>
        <translation>티켓 %2매 중 %1매를 취소했습니다.</translation>
    </message>
    <message>
        <source>%1 not confirmed by AX yet: axdesk asks again on its own.</source>
        <translation>%1건은 아직 AX가 확인하지 않았습니다. axdesk가 알아서 다시 확인합니다.</translation>
    </message>
    <message>
        <source>Unconfirmed cancels were sent to AX again: %1 cancelled, %2 refused by AX, %3 still not confirmed.</source>
        <translation>확인되지 않은 취소를 AX에 다시 보냈습니다. %1건 취소됨, %2건 AX가 거절, %3건 아직 확인되지 않음.</translation>
    </message>
    <message>
        <source>AX&apos;s answer did not arrive.</source>
        <translation>AX의 응답이 오지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>TicketStatus</name>
    <message>
        <source>Not issued yet</source>
        <translation>미발권</translation>
    </message>
    <message>
        <source>Not used yet (AX: New)</source>
        <translation>미사용 (AX: New)</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>사용 완료</translation>
    </message>
    <message>
        <source>Traveler canceled</source>
        <translation>여행자 취소</translation>
    </message>
    <message>
        <source>Supplier canceled</source>
        <translation>공급사 취소</translation>
    </message>
    <message>
        <source>AX&apos;s ticket status “New”: the ticket is issued and not used yet, so it can still be cancelled. Whether the supplier confirmed is the order&apos;s AX status.</source>
        <translation>AX 티켓 상태 “New”: 티켓이 발권되었고 아직 사용되지 않아 취소할 수 있습니다. 공급사 확정 여부는 주문의 AX 상태가 알려 줍니다.</translation>
    </message>
    <message>
        <source>Cancel not confirmed</source>
        <translation>취소 확인 안 됨</translation>
    </message>
    <message>
        <source>The cancel of this ticket was sent, but AX&apos;s answer did not arrive: AX may already have cancelled it. axdesk asks AX again on its own; press Delete to try again now (safe: nothing is cancelled twice).</source>
        <translation>이 티켓의 취소 요청을 보냈지만 AX의 응답이 오지 않았습니다. AX가 이미 취소했을 수 있습니다. axdesk가 알아서 AX에 다시 확인합니다. 지금 다시 시도하려면 Delete 키를 누르세요(안전합니다. 두 번 취소되는 일은 없습니다).</translation>
    </message>
    <message>
        <source>AX refused the cancel: %1</source>
        <translation>AX가 취소를 거절했습니다: %1</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>Traveler</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>이용 일시</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>TotalsView</name>
    <message>
        <source>Sub-total</source>
        <translation>소계</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>주문 할인</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
</context>
<context>
    <name>TravelerTable</name>
    <message>
        <source>Travelers</source>
        <translation>여행자</translation>
    </message>
    <message>
        <source>One row per ticket. Type to edit a cell; Tab moves to the next cell.</source>
        <translation>티켓 1매에 한 줄입니다. 입력하면 칸을 편집하고, Tab으로 다음 칸으로 갑니다.</translation>
    </message>
    <message>
        <source>Copy the purchaser to the whole &amp;group</source>
        <translation>구매자 정보를 일행 전원에게 복사(&amp;G)</translation>
    </message>
    <message>
        <source>Copy the purchaser to the whole group</source>
        <translation>구매자 정보를 일행 전원에게 복사</translation>
    </message>
    <message>
        <source>Copy first traveler&apos;s contact to the ne&amp;xt rows</source>
        <translation>첫 여행자 연락처를 아래 행에 복사(&amp;X)</translation>
    </message>
    <message>
        <source>Copy first traveler&apos;s contact to the next rows</source>
        <translation>첫 여행자 연락처를 아래 행에 복사</translation>
    </message>
    <message>
        <source>Copy the first traveler&apos;s country code, phone, email and additional fields</source>
        <translation>첫 여행자의 국가번호, 전화번호, 이메일, 추가 정보를 복사</translation>
    </message>
    <message>
        <source>Some travelers need attention.</source>
        <translation>확인이 필요한 여행자가 있습니다.</translation>
    </message>
    <message>
        <source>Traveler %1, %2: %3</source>
        <translation>여행자 %1, %2: %3</translation>
    </message>
    <message>
        <source>(%1 more marked in red)</source>
        <translation>(빨간색으로 표시된 %1건 더 있음)</translation>
    </message>
</context>
<context>
    <name>TravelerTableModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>국가번호</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>요청 사항</translation>
    </message>
    <message>
        <source>Additional (name=value; …)</source>
        <translation>추가 정보 (이름=값; …)</translation>
    </message>
</context>
<context>
    <name>UnsettledText</name>
    <message>
        <source>AX refused order %1 when it was sent again (%2), but the first send may still reach AX and make it, so the order is not known yet. axdesk asks AX about it by its code until %3; only then can it be called refused. Do not take it again under a new code meanwhile.</source>
        <translation>주문 %1을(를) 다시 보냈을 때 AX가 거절했지만(%2), 처음 보낸 주문이 아직 AX에 도착해 접수될 수 있으므로 주문 결과는 아직 알 수 없습니다. axdesk는 %3까지 이 코드로 AX에 주문을 확인하며, 그 뒤에야 거절된 것으로 볼 수 있습니다. 그동안 새 코드로 주문을 다시 받지 마세요.</translation>
    </message>
    <message>
        <source>AX does not list order %1 yet, but its send may still reach AX and make it, so the order is not known yet. axdesk asks AX about it by its code until %2 and does not send it again before. Do not take it again under a new code meanwhile.</source>
        <translation>AX에 아직 주문 %1이(가) 보이지 않지만, 보낸 주문이 아직 AX에 도착해 접수될 수 있으므로 주문 결과는 아직 알 수 없습니다. axdesk는 %2까지 이 코드로 AX에 주문을 확인하며, 그 전에는 다시 보내지 않습니다. 그동안 새 코드로 주문을 다시 받지 마세요.</translation>
    </message>
    <message>
        <source>AX cannot be asked whether it made order %1: it does not find the order by its channel order code, and the order&apos;s AX order code is not known. axdesk does not send it again, because this AX is not known to answer a repeated order code with the same order. Ask AX whether it has an order with the channel order code %1. Then press Retry and say what AX told you: its AX order code if it has the order (it is then settled as made), or that it has none (it is then sent again under the same code).</source>
        <translation>AX에 주문 %1을(를) 접수했는지 물어볼 수 없습니다. AX가 채널 주문 코드로 주문을 찾지 못하고, 이 주문의 AX 주문 코드도 알 수 없습니다. 이 AX가 반복된 주문 코드에 같은 주문으로 응답하는지 알 수 없으므로 axdesk는 주문을 다시 보내지 않습니다. 채널 주문 코드 %1인 주문이 있는지 AX에 문의하세요. 그런 다음 재시도를 누르고 AX의 답을 알려 주세요. 주문이 있으면 그 AX 주문 코드를(접수된 것으로 확정합니다), 없으면 없다고(같은 코드로 다시 보냅니다) 알려 주세요.</translation>
    </message>
    <message>
        <source>AX has this order, but its ticket codes are not known here: AX&apos;s status answer does not give them, and axdesk sends the order again to learn them only where the connection profile says this AX answers a repeated order code with the same order. Until they are known, a traveler&apos;s ticket of this order cannot be cancelled from axdesk; ask AX for the ticket codes.</source>
        <translation>AX에 이 주문이 있지만 티켓 코드는 여기서 알 수 없습니다. AX의 상태 응답에는 티켓 코드가 없고, axdesk는 연결 프로필에서 이 AX가 반복된 주문 코드에 같은 주문으로 응답한다고 한 경우에만 주문을 다시 보내 티켓 코드를 알아냅니다. 티켓 코드를 알기 전에는 이 주문의 여행자 티켓을 axdesk에서 취소할 수 없습니다. AX에 티켓 코드를 문의하세요.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong inside axdesk. Nothing was lost; the details are in the application log (Help &gt; Show call log).</source>
        <translation>axdesk 내부에서 문제가 생겼습니다. 잃어버린 데이터는 없습니다. 자세한 내용은 애플리케이션 기록(도움말 &gt; API 호출 기록 보기)에 있습니다.</translation>
    </message>
    <message>
        <source>The team journal cannot be reached, so nothing was sent or cancelled: every order and cancel is written to the journal first. axdesk reconnects by itself; try again in a moment.</source>
        <translation>팀 주문 기록에 연결할 수 없어 아무것도 보내거나 취소하지 않았습니다. 모든 주문과 취소는 먼저 주문 기록에 적은 다음 보냅니다. axdesk가 알아서 다시 연결하니 잠시 후 다시 시도하세요.</translation>
    </message>
</context>
</TS>
