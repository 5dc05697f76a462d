// Bundle-size entry: <account-tree>'s define module (the driver decides what is external).
import '../../components/account-tree/account-tree.define.ts';
