// Run by the mongodb-replica-set Job: mongosh --nodb initiate-replica-set.js, with MONGODB_MEMBERS
// the StatefulSet's replicas. Members are mongodb-<n>.mongodb:27017 (the headless Service).
const count = parseInt(process.env.MONGODB_MEMBERS, 10);
if (!(count >= 1)) {
  throw new Error('MONGODB_MEMBERS must be a positive number, not ' + process.env.MONGODB_MEMBERS);
}
const hosts = Array.from({ length: count }, (_, n) => `mongodb-${n}.mongodb:27017`);

function direct(host) {
  return new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=2000`).getDB('admin');
}

function untilTrue(what, attempt) {
  for (let tries = 0; ; tries++) {
    try {
      if (attempt()) {
        return;
      }
    } catch (e) {
      if (tries % 10 === 0) {
        print(`waiting for ${what}: ${e.message}`);
      }
    }
    sleep(2000);
  }
}

for (const host of hosts) {
  untilTrue(host, () => direct(host).runCommand({ ping: 1 }).ok === 1);
}

const first = direct(hosts[0]);
let initiated = false;
try {
  initiated = first.runCommand({ replSetGetStatus: 1 }).ok === 1;
} catch (e) {
  initiated = false;
}
if (!initiated) {
  print(`initiating rs0 with ${hosts.join(', ')}`);
  first.runCommand({ replSetInitiate: { _id: 'rs0', members: hosts.map((host, n) => ({ _id: n, host })) } });
}

const set = new Mongo(`mongodb://${hosts.join(',')}/?replicaSet=rs0&serverSelectionTimeoutMS=5000`).getDB('admin');
untilTrue('a primary', () => set.runCommand({ hello: 1 }).isWritablePrimary === true);

// Members the set lacks (the overlay asked for more): one voting member per reconfiguration.
for (const host of hosts) {
  const config = set.runCommand({ replSetGetConfig: 1 }).config;
  if (!config.members.some((member) => member.host === host)) {
    print(`adding ${host}`);
    config.members.push({ _id: Math.max(...config.members.map((member) => member._id)) + 1, host });
    config.version += 1;
    untilTrue(`adding ${host}`, () => set.runCommand({ replSetReconfig: config }).ok === 1);
  }
}
print(`rs0 has ${set.runCommand({ replSetGetConfig: 1 }).config.members.length} members`);
