// The Word file's draft watermark, as Word itself writes one (设计 › 水印 › 自定义水印 › 文字水印):
// a VML WordArt shape ("PowerPlusWaterMarkObject", shape type 136: text on a path) in the page
// header, anchored to the margins, centred, turned 315° (rising to the right), light grey and
// half transparent, behind the text (negative z-index). Word and WPS list it as the document's
// watermark (and remove it with 删除水印); LibreOffice imports it as a watermark too. The `docx`
// library has no watermark (dolanmiu/docx#338, #3017), so the shape is written as raw
// WordprocessingML into the header's paragraph: the header part declares the v, o and w10
// namespaces it uses.
import { Header, ImportedXmlComponent, Paragraph, type ParagraphChild } from "docx";

/** The watermark's font, colour and size (points) as written into the shape. */
export const DOCX_WATERMARK = {
  font: "黑体",
  color: "silver",
  opacity: ".5",
  /** Per character: a CJK character is square, a Latin one about half as wide. */
  height: 200,
} as const;

const attr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const cjk = (ch: string) => /[\u3000-\u9fff\uff00-\uffef]/u.test(ch);

/** The `<w:r>` holding the watermark shape of `text`. */
export const watermarkRun = (text: string): string => {
  const { font, color, opacity, height } = DOCX_WATERMARK;
  const chars = [...text];
  const width = Math.round(chars.reduce((w, ch) => w + (cjk(ch) ? height : height * 0.62), 0));
  // Shape type 136 (WordArt "plain text"), with its formulas, as Word declares it.
  const shapetype = `<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`;
  const style = [
    "position:absolute",
    "margin-left:0",
    "margin-top:0",
    `width:${width}pt`,
    `height:${height}pt`,
    "rotation:315",
    "z-index:-251657216",
    "mso-position-horizontal:center",
    "mso-position-horizontal-relative:margin",
    "mso-position-vertical:center",
    "mso-position-vertical-relative:margin",
  ].join(";");
  const shape = `<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" style="${style}" o:allowincell="f" fillcolor="${color}" stroked="f"><v:fill opacity="${opacity}"/><v:textpath style="${attr(`font-family:"${font}";font-size:1pt`)}" string="${attr(text)}"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>`;
  return `<w:r><w:rPr><w:noProof/></w:rPr><w:pict>${shapetype}${shape}</w:pict></w:r>`;
};

/** The header of every page of a draft: nothing but the watermark. */
export const watermarkHeader = (text: string): Header => {
  // The run is written as it is; its prefixes are declared on the header part's root.
  const run = ImportedXmlComponent.fromXmlString(watermarkRun(text));
  return new Header({
    children: [new Paragraph({ children: [run as unknown as ParagraphChild] })],
  });
};
