// Node.js, on your server (never in the page): a viewer token for one stream, valid for two hours.
// STREAM_SECRET is the secret StreamFront's edge check uses (your AMS application's JWT secret works).
const crypto = require('crypto');

function viewerToken(streamId, validSeconds = 7200) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = part({ alg: 'HS256', typ: 'JWT' }) + '.' +
    part({ streamId: streamId, type: 'play', expireDate: Math.floor(Date.now() / 1000) + validSeconds });
  const signature = crypto.createHmac('sha256', process.env.STREAM_SECRET).update(body).digest('base64url');
  return body + '.' + signature;
}

// The address to give the player: the token sits in the path, so every segment request carries it.
const url = 'https://%DOMAIN%/t/' + viewerToken('%STREAM%') + '/streams/%STREAM%.m3u8';
