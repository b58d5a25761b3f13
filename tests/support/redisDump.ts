import type { RedisClient } from '../../server/src/redis';

/** Every key in Redis with what it holds, streams included, as one text to search for what must never be there. */
export async function redisDump(redis: RedisClient): Promise<string> {
  const out: string[] = [];
  for (const key of await redis.keys('*')) {
    const type = await redis.type(key);
    if (type === 'string') out.push(key, (await redis.get(key)) ?? '');
    else if (type === 'hash') out.push(key, JSON.stringify(await redis.hGetAll(key)));
    else if (type === 'set') out.push(key, ...(await redis.sMembers(key)));
    else if (type === 'zset') out.push(key, ...(await redis.zRange(key, 0, -1)));
    else if (type === 'list') out.push(key, ...(await redis.lRange(key, 0, -1)));
    else if (type === 'stream') out.push(key, JSON.stringify(await redis.xRange(key, '-', '+')));
  }
  return out.join('\n');
}
