// The gateway's web page: microphone → AudioWorklet → f32le binary frames over the WebSocket; results as they come.
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let config = { audio_path: '/v1/audio', token_required: false, kws_url: '' };
let socket = null;
let audio = null;
let sentBytes = 0;

function setStatus(text, error) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

function addResult(className, text) {
  const item = document.createElement('li');
  item.className = className;
  item.textContent = text;
  $('results').prepend(item);
}

function fmt(x) {
  return typeof x === 'number' ? x.toFixed(3) : String(x);
}

function showMessage(message) {
  if (message.type === 'detection') {
    addResult('detection', `detection "${message.keyword}" score ${fmt(message.score)} at ${message.start_ms}–${message.end_ms} ms (${message.model})`);
  } else if (message.type === 'decision') {
    const stages = (message.stage_scores || [])
      .map((s) => `${s.stage} ${s.present ? fmt(s.score) : 'missing'}`).join(', ');
    const verdict = message.accepted ? 'accepted' : 'rejected';
    addResult(`decision ${verdict}`, `decision ${verdict}: "${message.keyword}" score ${fmt(message.score)}`
      + ` [${stages}]${message.degraded ? ' (degraded)' : ''}${message.reasons && message.reasons.length ? ' ' + message.reasons.join('; ') : ''}`);
  } else if (message.type === 'ready') {
    setStatus(`streaming as ${message.stream_id}`);
  } else if (message.type === 'ended') {
    setStatus(`stopped; waiting for results of ${message.stream_id}`);
  }
}

async function start() {
  $('start').disabled = true;
  await configLoaded;
  const streamId = $('stream-id').value.trim();
  try {
    const media = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const context = new AudioContext();
    await context.audioWorklet.addModule('capture-worklet.js');
    const source = context.createMediaStreamSource(media);
    const capture = new AudioWorkletNode(context, 'capture');
    // The worklet only runs while connected to the output; a muted gain keeps the microphone out of the speakers.
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(capture).connect(mute).connect(context.destination);
    audio = { media, context, capture };

    if (socket) {
      socket.close(1000, 'new stream');
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}${config.audio_path}`);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    let ready = false;
    // Send about 20 ms per message: small enough for low latency, large enough not to flood the socket.
    const frameSamples = Math.round(context.sampleRate / 50);
    let pending = new Float32Array(frameSamples);
    let pendingCount = 0;
    let level = 0;
    // Audio captured before the gateway is ready (up to 5 s) is sent then, so the first words are not lost.
    const early = [];
    const maxEarly = 5 * 50;
    const send = (frame) => {
      ws.send(frame.buffer);
      sentBytes += frame.byteLength;
      $('sent').textContent = Math.round(sentBytes / 1024);
    };

    capture.port.onmessage = (event) => {
      const block = event.data;
      let sum = 0;
      for (let i = 0; i < block.length; i++) sum += block[i] * block[i];
      level = Math.max(Math.sqrt(sum / block.length) * 4, level * 0.95);
      $('level').value = Math.min(1, level);
      if (ws.readyState > WebSocket.OPEN) return;
      for (let i = 0; i < block.length; i++) {
        pending[pendingCount++] = block[i];
        if (pendingCount === frameSamples) {
          if (ready) {
            send(pending);
          } else if (early.length < maxEarly) {
            early.push(pending);
          }
          pending = new Float32Array(frameSamples);
          pendingCount = 0;
        }
      }
    };
    ws.onopen = () => {
      ws.send(JSON.stringify({
        stream_id: streamId, sample_rate: context.sampleRate, channels: 1, sample_format: 'f32le',
        token: $('token').value,
      }));
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'ready') {
        ready = true;
        early.splice(0).forEach(send);
      }
      showMessage(message);
    };
    ws.onclose = (event) => {
      if (socket === ws) {
        setStatus(`closed (${event.code})${event.reason ? ': ' + event.reason : ''}`, event.code !== 1000);
        stopAudio();
      }
    };
    $('stop').disabled = false;
    setStatus('connecting');
  } catch (error) {
    setStatus(`cannot start: ${error.message || error}`, true);
    stopAudio();
  }
}

function stopAudio() {
  if (audio) {
    // Blocks the worklet posted before the stop must not follow the stop message: the gateway refuses them.
    audio.capture.port.onmessage = null;
    audio.capture.disconnect();
    audio.media.getTracks().forEach((track) => track.stop());
    audio.context.close();
    audio = null;
  }
  $('start').disabled = false;
  $('stop').disabled = true;
}

function stop() {
  stopAudio();
  // The socket stays open: the decision comes after the request has ended.
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: 'stop' }));
  }
}

function kwsRequest(method, body) {
  const headers = { 'Content-Type': 'application/json' };
  if ($('kws-key').value) headers['X-API-Key'] = $('kws-key').value;
  const url = `${config.kws_url.replace(/\/$/, '')}/v1/streams/${encodeURIComponent($('stream-id').value.trim())}/keyword`;
  return fetch(url, { method, headers, body: body && JSON.stringify(body) });
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return `${problem.title || response.status}: ${problem.detail || ''}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}

async function loadPhrase() {
  if (!config.kws_url) return;
  try {
    const response = await kwsRequest('GET');
    if (response.ok) {
      $('phrase').value = (await response.json()).phrase;
      $('enroll-status').textContent = 'enrolled';
    } else {
      $('phrase').value = '';
      $('enroll-status').textContent = response.status === 404 ? 'no phrase enrolled: the model\'s keyword is used' : await problemText(response);
    }
  } catch (error) {
    $('enroll-status').textContent = `kws-service unreachable: ${error.message || error}`;
  }
}

async function enroll() {
  const response = await kwsRequest('PUT', { phrase: $('phrase').value });
  $('enroll-status').textContent = response.ok
    ? `enrolled: ${(await response.json()).phones.join(' ')}` : await problemText(response);
}

async function unenroll() {
  const response = await kwsRequest('DELETE');
  $('enroll-status').textContent = response.ok || response.status === 404 ? 'the model\'s keyword is used' : await problemText(response);
  if (response.ok || response.status === 404) $('phrase').value = '';
}

async function loadConfig() {
  try {
    config = await (await fetch('v1/page-config')).json();
  } catch (error) {
    setStatus('cannot read the gateway\'s configuration', true);
  }
  $('token-field').hidden = !config.token_required;
  $('enrollment').hidden = !config.kws_url;
  loadPhrase();
}

function init() {
  $('stream-id').value = params.get('stream_id') || `browser-${Math.random().toString(36).slice(2, 10)}`;
  $('token').value = params.get('token') || '';
  $('start').onclick = start;
  $('stop').onclick = stop;
  $('enroll').onclick = enroll;
  $('unenroll').onclick = unenroll;
  $('stream-id').onchange = loadPhrase;
}

init();
// Handlers are attached at once; a click before the configuration has arrived waits for it.
const configLoaded = loadConfig();
