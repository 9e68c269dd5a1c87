// The tests load the stand-in as a library beside AiChat.Server, whose Program they start: this one stays internal.
internal partial class Program;
