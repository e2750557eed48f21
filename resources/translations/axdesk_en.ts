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
