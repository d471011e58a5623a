using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// <c>struct mosquitto_message</c>. Owned by libmosquitto and valid only during the message
/// callback, so everything in it is copied before the callback returns.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MosquittoMessage
{
    public int MessageId;
    public IntPtr Topic;
    public IntPtr Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}
