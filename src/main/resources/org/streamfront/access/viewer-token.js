// StreamFront viewer check (CloudFront Functions, cloudfront-js-2.0, viewer-request).
// Lets a request through only with a valid Ant Media Server play token (HS256 JWT) for the stream
// it asks for. The token rides in the path, /t/<token>/streams/<file>, which the player's relative
// segment URLs inherit; it is removed here, before the cache, so every viewer shares one copy.
// The secret lives in the key value store associated with this function, never in this code.
import cf from 'cloudfront';
import crypto from 'crypto';

const kvs = cf.kvs();
const TOKEN_PATH = /^\/t\/([^\/]+)(\/.*)$/;
const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// Ant Media Server 2.11's default file names after the stream id (see StreamPaths.java).
const SUFFIX = /^(?:(?:_[0-9]+p[0-9]+kbps)?(?:\.m3u8|[0-9]{9}\.(?:ts|m4s|fmp4)|_init\.mp4)|_adaptive\.m3u8)$/;
const REASONS = {
    EXPIRED: 'This viewer token has expired.',
    FORGED: "This viewer token was not signed with this stream's secret.",
    WRONG_ALGORITHM: 'This viewer token is not signed with HS256.',
    NOT_FOR_PLAYING: 'This token is not a play token.',
    MALFORMED: 'This is not a viewer token.'
};

function answer(status, description, text, location) {
    const headers = {
        'content-type': { value: 'text/plain; charset=utf-8' },
        'cache-control': { value: 'no-store' },
        'access-control-allow-origin': { value: '*' }
    };
    if (location) {
        headers.location = { value: location };
    }
    return { statusCode: status, statusDescription: description, headers: headers, body: { encoding: 'text', data: text } };
}

// No timingSafeEqual here: compare every character whatever the first difference.
function sameText(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
        diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return diff === 0;
}

function part(text) {
    try {
        const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
    } catch (e) {
        return null;
    }
}

function check(token, secret, now) {
    if (!SHAPE.test(token)) {
        return { why: 'MALFORMED' };
    }
    const parts = token.split('.');
    const header = part(parts[0]);
    const payload = part(parts[1]);
    if (header === null || payload === null) {
        return { why: 'MALFORMED' };
    }
    if (header.alg !== 'HS256') {
        return { why: 'WRONG_ALGORITHM' };
    }
    const expected = crypto.createHmac('sha256', secret).update(parts[0] + '.' + parts[1]).digest('base64url');
    if (!sameText(expected, parts[2])) {
        return { why: 'FORGED' };
    }
    const expiry = payload.expireDate;
    if (typeof payload.streamId !== 'string' || typeof expiry !== 'number' || !isFinite(expiry) || Math.floor(expiry) !== expiry) {
        return { why: 'MALFORMED' };
    }
    if (payload.type !== 'play') {
        return { why: 'NOT_FOR_PLAYING' };
    }
    if (expiry <= now) {
        return { why: 'EXPIRED' };
    }
    return { stream: payload.streamId };
}

function belongsTo(path, stream) {
    if (path.indexOf('/streams/') !== 0 || stream.length === 0) {
        return false;
    }
    const name = path.substring('/streams/'.length);
    return name.indexOf(stream) === 0 && SUFFIX.test(name.substring(stream.length));
}

async function read(key) {
    try {
        return await kvs.get(key);
    } catch (missing) {
        return null;
    }
}

async function handler(event) {
    const request = event.request;
    const match = TOKEN_PATH.exec(request.uri);
    const query = request.querystring || {};
    if (!match && query.token && query.token.value) {
        let location = '/t/' + encodeURIComponent(query.token.value) + request.uri;
        let sep = '?';
        for (const name in query) {
            if (name !== 'token') {
                location += sep + encodeURIComponent(name) + '=' + encodeURIComponent(query[name].value);
                sep = '&';
            }
        }
        return answer(302, 'Found', 'The stream moved to the address with the token in its path.', location);
    }
    if (!match) {
        return answer(401, 'Unauthorized', 'This stream needs a viewer token.');
    }
    const secret = await read('secret');
    if (secret === null) {
        return answer(503, 'Service Unavailable', 'The viewer check is not ready yet.');
    }
    const now = Math.floor(Date.now() / 1000);
    let result = check(match[1], secret, now);
    if (result.why === 'FORGED') {
        const previous = await read('previous');
        const until = Number(await read('previousUntil'));
        if (previous !== null && now < until) {
            result = check(match[1], previous, now);
        }
    }
    if (result.why) {
        return answer(403, 'Forbidden', REASONS[result.why]);
    }
    if (!belongsTo(match[2], result.stream)) {
        return answer(403, 'Forbidden', 'This token opens another stream.');
    }
    request.uri = match[2];
    request.querystring = {};
    return request;
}
