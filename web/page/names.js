// A function's name as the page's menus and headings show it: the language's own word where it has one
// (`fn.<id>.name`, e.g. 恒等函数 for Identity), else the catalogue's name. It asks the page context (`api.t`,
// `api.hasString`) rather than i18n.js, so figures' and demos' settings also load where no strings are bundled.
export const nameOf = (api, row) => (api.hasString(`fn.${row.id}.name`) ? api.t(`fn.${row.id}.name`) : row.name);
