// Live demos for the "why it matters" section: each entry is {id, mount(element, api) → update(state)}.
export const demos = [];
