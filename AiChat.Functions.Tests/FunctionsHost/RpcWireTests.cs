using AiChat.FunctionsHost.Rpc;
using Google.Protobuf;

namespace AiChat.Functions.Tests.FunctionsHost;

/// <summary>
/// The stand-in's proto subset against the published field numbers, byte for byte: a wrong number would not fail,
/// it would read as an unknown field. Expected bytes are written by hand from the protobuf encoding (tag = field &lt;&lt; 3 | wire type).
/// </summary>
public sealed class RpcWireTests
{
    [Fact]
    public void InvocationCancel_carries_its_invocation_id_as_field_2()
    {
        var bytes = new InvocationCancel { InvocationId = "ab" }.ToByteArray();

        Assert.Equal([0x12, 0x02, (byte)'a', (byte)'b'], bytes);
    }

    [Fact]
    public void StatusResult_carries_its_status_as_field_4()
    {
        var bytes = new StatusResult { Status = StatusResult.Types.Status.Success }.ToByteArray();

        Assert.Equal([0x20, 0x01], bytes);
    }

    [Fact]
    public void StreamingMessage_puts_each_message_at_its_published_number()
    {
        Assert.Equal([0xA2, 0x01, 0x03, 0x12, 0x01, (byte)'w'], new StreamingMessage { StartStream = new StartStream { WorkerId = "w" } }.ToByteArray());
        Assert.Equal([0x22, 0x03, 0x0A, 0x01, (byte)'i'], new StreamingMessage { InvocationRequest = new InvocationRequest { InvocationId = "i" } }.ToByteArray());
        Assert.Equal([0xAA, 0x01, 0x03, 0x12, 0x01, (byte)'i'], new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = "i" } }.ToByteArray());
        Assert.Equal([0xEA, 0x01, 0x03, 0x0A, 0x01, (byte)'d'], new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = "d" } }.ToByteArray());
    }

    [Fact]
    public void Worker_messages_are_read_from_their_published_numbers()
    {
        // InvocationResponse (field 5) { invocation_id (1) = "i", result (3) = StatusResult { status (4) = Failure(0)... Cancelled (2) } }
        byte[] wire = [0x2A, 0x07, 0x0A, 0x01, (byte)'i', 0x1A, 0x02, 0x20, 0x02];

        var message = StreamingMessage.Parser.ParseFrom(wire);

        Assert.Equal("i", message.InvocationResponse.InvocationId);
        Assert.Equal(StatusResult.Types.Status.Cancelled, message.InvocationResponse.Result.Status);
    }
}
