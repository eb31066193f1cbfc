# Python 3, on your server (never in the page): a viewer token for one stream, valid for two hours.
# STREAM_SECRET is the secret StreamFront's edge check uses (your AMS application's JWT secret works).
import base64, hashlib, hmac, json, os, time

def _part(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def viewer_token(stream_id: str, valid_seconds: int = 7200) -> str:
    body = _part(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + _part(json.dumps(
        {"streamId": stream_id, "type": "play", "expireDate": int(time.time()) + valid_seconds}).encode())
    signature = hmac.new(os.environ["STREAM_SECRET"].encode(), body.encode(), hashlib.sha256).digest()
    return body + "." + _part(signature)

# The address to give the player: the token sits in the path, so every segment request carries it.
url = "https://%DOMAIN%/t/" + viewer_token("%STREAM%") + "/streams/%STREAM%.m3u8"
