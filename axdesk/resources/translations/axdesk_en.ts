<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CatalogFiles</name>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n option(s)</source>
        <translation>
            <numerusform>%n option</numerusform>
            <numerusform>%n options</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n product(s) to %1.</source>
        <translation>
            <numerusform>Exported %n product to %1.</numerusform>
            <numerusform>Exported %n products to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepartureCancelDialog</name>
    <message numerus="yes">
        <source>%n order(s) on this departure are not settled with AX yet (%1): their tickets are not issued, so they cannot be cancelled until the journal knows their outcome.</source>
        <translation>
            <numerusform>%n order on this departure is not settled with AX yet (%1): its tickets are not issued, so they cannot be cancelled until the journal knows its outcome.</numerusform>
            <numerusform>%n orders on this departure are not settled with AX yet (%1): their tickets are not issued, so they cannot be cancelled until the journal knows their outcome.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticket(s)…</source>
        <translation>
            <numerusform>Cancel %n ticket…</numerusform>
            <numerusform>Cancel %n tickets…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepartureCancelReport</name>
    <message numerus="yes">
        <source>Of %n ticket(s): %1 cancelled, %2 not cancelled, %3 unknown, %4 not sent.</source>
        <translation>
            <numerusform>Of %n ticket: %1 cancelled, %2 not cancelled, %3 unknown, %4 not sent.</numerusform>
            <numerusform>Of %n tickets: %1 cancelled, %2 not cancelled, %3 unknown, %4 not sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DepartureCancelling</name>
    <message numerus="yes">
        <source>Cancel all %n live ticket(s) of %1?</source>
        <translation>
            <numerusform>Cancel the %n live ticket of %1?</numerusform>
            <numerusform>Cancel all %n live tickets of %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n ticket(s)</source>
        <translation>
            <numerusform>Cancel %n ticket</numerusform>
            <numerusform>Cancel %n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n ticket(s) of the departure…</source>
        <translation>
            <numerusform>Cancelling %n ticket of the departure…</numerusform>
            <numerusform>Cancelling %n tickets of the departure…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeparturePicker</name>
    <message numerus="yes">
        <source>%n traveler(s)</source>
        <translation>
            <numerusform>%n traveler</numerusform>
            <numerusform>%n travelers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n live ticket(s)</source>
        <translation>
            <numerusform>%n live ticket</numerusform>
            <numerusform>%n live tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InternalNoteBox</name>
    <message numerus="yes">
        <source>The note is longer than %n character(s); shorten it to save it.</source>
        <translation>
            <numerusform>The note is longer than %n character; shorten it to save it.</numerusform>
            <numerusform>The note is longer than %n characters; shorten it to save it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManifestSheet</name>
    <message numerus="yes">
        <source>%n traveler(s)</source>
        <translation>
            <numerusform>%n traveler</numerusform>
            <numerusform>%n travelers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n live ticket(s)</source>
        <translation>
            <numerusform>%n live ticket</numerusform>
            <numerusform>%n live tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderExport</name>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message numerus="yes">
        <source>%1 of %n ticket(s) cancelled</source>
        <translation>
            <numerusform>%1 of %n ticket cancelled</numerusform>
            <numerusform>%1 of %n tickets cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeMenu</name>
    <message numerus="yes">
        <source>&amp;Lose the next answer after AX made it (%n staged)</source>
        <translation>
            <numerusform>&amp;Lose the next answer after AX made it (%n staged)</numerusform>
            <numerusform>&amp;Lose the next answer after AX made it (%n staged)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Supplier &amp;rejects the next order (%n staged)</source>
        <translation>
            <numerusform>Supplier &amp;rejects the next order (%n staged)</numerusform>
            <numerusform>Supplier &amp;rejects the next order (%n staged)</numerusform>
        </translation>
    </message>
</context>
</TS>
