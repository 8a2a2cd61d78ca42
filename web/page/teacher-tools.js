// The header's "Teacher tools" switch: it shows or hides the Embed buttons, which students do not need. The
// choice is kept in this browser only (localStorage), so a link a teacher shares opens without them.
const key = 'alab-teacher';

export function setUpTeacherTools(document) {
  const html = document.documentElement;
  const toggle = document.querySelector('.teacher-toggle');
  if (!toggle) return;
  const show = () => toggle.setAttribute('aria-pressed', String(html.classList.contains('teacher')));
  toggle.addEventListener('click', () => {
    const on = !html.classList.contains('teacher');
    html.classList.toggle('teacher', on);
    try {
      if (on) localStorage.setItem(key, '1');
      else localStorage.removeItem(key);
    } catch {
      // Storage refused (some file:// or private set-ups): the switch still works for this visit.
    }
    show();
  });
  show();
}
