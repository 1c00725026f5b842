// The demo host's own script: logs what the widget hands over (the loader
// re-dispatches it as a `dtma:event` CustomEvent). Shown as text, never as
// HTML: a lead's fields are whatever the visitor typed.
window.hostEvents = [];
document.addEventListener('dtma:event', (e) => {
  window.hostEvents.push(e.detail);
  const li = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  const pre = document.createElement('pre');
  pre.textContent = JSON.stringify(e.detail, null, 2);
  li.append(time, ' ', e.detail.type, pre);
  document.getElementById('log').append(li);
  document.getElementById('log-empty').hidden = true;
});
