#!/usr/bin/env bash
# Creates the agency's certificates for the EdgeIngest broker (openssl, EC P-256):
#   the agency CA (once), the broker's certificate, the receiver's certificate, and one
#   enrollment bundle per device id given (its certificate, key and the CA certificate).
# Running it again keeps what exists and adds what is missing (e.g. new devices).
#
#   make-certs.sh [--out DIR] [--broker-name NAME]... [--receiver-name CN] [--days N] [DEVICE_ID...]
#
#   --out DIR            where the files go (default ./agency-pki)
#   --broker-name NAME   a host name or IP address devices use to reach the broker; repeat for
#                        more (default: localhost); the first one is the certificate's CN
#   --receiver-name CN   the receiver's identity (default agency-receiver; the ACL names it)
#   --days N             validity of the broker, receiver and device certificates (default 825)
#
# Output:
#   DIR/ca.crt, DIR/ca.key          the agency CA (keep ca.key offline)
#   DIR/broker.crt, DIR/broker.key  for the broker (/etc/mosquitto/agency/)
#   DIR/receiver.crt, receiver.key  for `edgeingest receive` (broker.tls in its config)
#   DIR/devices/ID/{ca.crt,device.crt,device.key}  a device's enrollment bundle
set -euo pipefail

out=./agency-pki
receiver=agency-receiver
days=825
broker_names=()
devices=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --broker-name) broker_names+=("$2"); shift 2 ;;
    --receiver-name) receiver=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "make-certs.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) devices+=("$1"); shift ;;
  esac
done
[ ${#broker_names[@]} -gt 0 ] || broker_names=(localhost)

id_pattern='^[A-Za-z0-9_-]{1,64}$'
for id in "$receiver" "${devices[@]}"; do
  if ! [[ "$id" =~ $id_pattern ]]; then
    echo "make-certs.sh: '$id' is not a valid id: expected 1-64 letters, digits, '-' or '_' (it becomes the MQTT username and a topic segment)" >&2
    exit 2
  fi
done
for id in "${devices[@]}"; do
  if [ "$id" = "$receiver" ]; then
    echo "make-certs.sh: device id '$id' is the receiver's identity; choose another device id" >&2
    exit 2
  fi
done

umask 077
mkdir -p "$out"
cd "$out"

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# issue NAME CN EXTENSIONS: a key and a certificate signed by the agency CA.
issue() {
  local name=$1 cn=$2 extensions=$3
  new_key "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$name.csr"
  printf '%s\n' "$extensions" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$days" -sha256 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

client_extensions='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'

if [ ! -f ca.crt ]; then
  new_key ca.key
  openssl req -x509 -new -key ca.key -subj "/CN=EdgeIngest Agency CA" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.crt
  echo "created the agency CA: $out/ca.crt (keep ca.key offline)"
fi

if [ ! -f broker.crt ]; then
  sans=()
  for name in "${broker_names[@]}"; do
    if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then sans+=("IP:$name"); else sans+=("DNS:$name"); fi
  done
  issue broker "${broker_names[0]}" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$(IFS=,; echo "${sans[*]}")"
  echo "created the broker certificate for ${broker_names[*]}: $out/broker.crt"
fi

if [ ! -f receiver.crt ]; then
  issue receiver "$receiver" "$client_extensions"
  echo "created the receiver certificate (CN=$receiver): $out/receiver.crt"
fi

for id in "${devices[@]}"; do
  bundle="devices/$id"
  if [ -f "$bundle/device.crt" ]; then
    echo "device $id: $out/$bundle already exists, kept"
    continue
  fi
  mkdir -p "$bundle"
  issue "$bundle/device" "$id" "$client_extensions"
  cp ca.crt "$bundle/ca.crt"
  echo "created the enrollment bundle for device $id: $out/$bundle/{ca.crt,device.crt,device.key}"
done
