console.error("ogi: not yet");
process.exit(2);
