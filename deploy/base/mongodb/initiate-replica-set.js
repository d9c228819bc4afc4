// Run by the mongodb-replica-set Job: mongosh --nodb initiate-replica-set.js, with MONGODB_MEMBERS
// the StatefulSet's replicas. Members are mongodb-<n>.mongodb:27017 (the headless Service).
const count = parseInt(process.env.MONGODB_MEMBERS, 10);
if (!(count >= 1)) {
  throw new Error('MONGODB_MEMBERS must be a positive number, not ' + process.env.MONGODB_MEMBERS);
}
const hosts = Array.from({ length: count }, (_, n) => `mongodb-${n}.mongodb:27017`);

function direct(host, command) {
  const client = new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=2000`);
  try {
    return client.getDB('admin').runCommand(command);
  } finally {
    client.close();
  }
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
  untilTrue(host, () => direct(host, { ping: 1 }).ok === 1);
}

// mongosh throws on a command that fails: before initiation, replSetGetStatus does.
let initiated = false;
try {
  initiated = direct(hosts[0], { replSetGetStatus: 1 }).ok === 1;
} catch (e) {
  initiated = false;
}
if (!initiated) {
  print(`initiating rs0 with ${hosts.join(', ')}`);
  direct(hosts[0], { replSetInitiate: { _id: 'rs0', members: hosts.map((host, n) => ({ _id: n, host })) } });
}

let set;
untilTrue('a primary', () => {
  set = set || new Mongo(`mongodb://${hosts.join(',')}/?replicaSet=rs0&serverSelectionTimeoutMS=5000`).getDB('admin');
  return set.runCommand({ hello: 1 }).isWritablePrimary === true;
});

// Members the set lacks (the overlay asked for more): one voting member per reconfiguration.
for (const host of hosts) {
  const config = set.runCommand({ replSetGetConfig: 1 }).config;
  if (!config.members.some((member) => member.host === host)) {
    print(`adding ${host}`);
    config.members.push({ _id: Math.max(...config.members.map((member) => member._id)) + 1, host });
    config.version += 1;
    // A failure ends the script; the Job runs it again from the set's current configuration.
    set.runCommand({ replSetReconfig: config });
  }
}
print(`rs0 has ${set.runCommand({ replSetGetConfig: 1 }).config.members.length} members`);
